import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { readCollectionDescription } from '../content-files/config-files';
import { articleView } from '../data/article-view';
import { commentaryOn } from '../lib/collection-summary';
import { upperFirst } from '../lib/text';
import { feedArticles, getCatalogue } from '../data/catalogue';
import { escapeXml } from '../lib/xml';

/**
 * An RSS 2.0 feed of the newest articles; a date only where the source
 * states one. Authors go in dc:creator: RSS's own <author> must be an email
 * address, which the sources never give.
 */
export const GET: APIRoute = async ({ site }) => {
  const catalogue = await getCatalogue();
  return rss({
    title: 'Policy Reader',
    description: `${upperFirst(commentaryOn(readCollectionDescription().description.subject))}.`,
    site: site ?? 'http://localhost:4321',
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    items: feedArticles(catalogue).map((article) => {
      const view = articleView(catalogue, article);
      return {
        title: view.title,
        link: view.href,
        description: view.standfirst,
        ...(view.date.status === 'stated' && { pubDate: new Date(`${view.date.value.iso}T12:00:00Z`) }),
        ...(view.authors.length > 0 && { customData: view.authors.map((a) => `<dc:creator>${escapeXml(a.name)}</dc:creator>`).join('') }),
        categories: view.topics.map((t) => t.name),
      };
    }),
  });
};
