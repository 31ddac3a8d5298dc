import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { articleView } from '../data/article-view';
import { getCatalogue } from '../data/catalogue';

/** An RSS feed of the articles, newest first; a date only where the source states one. */
export const GET: APIRoute = async ({ site }) => {
  const catalogue = await getCatalogue();
  return rss({
    title: 'Policy Reader',
    description: 'Commentary on the creation and reform of NHS Improvement, 2015–2018.',
    site: site ?? 'http://localhost:4321',
    items: catalogue.articles.map((article) => {
      const view = articleView(catalogue, article);
      return {
        title: view.title,
        link: view.href,
        description: view.standfirst,
        ...(view.date.status === 'stated' && { pubDate: new Date(`${view.date.value.iso}T12:00:00Z`) }),
        ...(view.authors.length > 0 && { author: view.authors.map((a) => a.name).join(', ') }),
        categories: view.topics.map((t) => t.name),
      };
    }),
  });
};
