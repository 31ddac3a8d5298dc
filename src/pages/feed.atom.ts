import type { APIRoute } from 'astro';
import { readCollectionDescription } from '../content-files/config-files';
import { articleView } from '../data/article-view';
import { commentaryOn } from '../lib/collection-summary';
import { upperFirst } from '../lib/text';
import { feedArticles, getCatalogue } from '../data/catalogue';
import { articleUrl, pages } from '../lib/routes';
import { escapeXml } from '../lib/xml';

/**
 * An Atom feed of the same newest articles as the RSS one. Atom requires an
 * <updated> time for every entry: a stated date where the source gives one,
 * else the feed's own (the newest stated date), never a guessed one, and an
 * author for the feed, which is the site (the sources' authors are named per
 * entry where they are stated).
 */
export const GET: APIRoute = async ({ site }) => {
  const catalogue = await getCatalogue();
  const base = site ?? new URL('http://localhost:4321');
  const articles = feedArticles(catalogue).map((a) => articleView(catalogue, a));
  const stated = (v: (typeof articles)[number]) => (v.date.status === 'stated' ? `${v.date.value.iso.padEnd(10, '-01').slice(0, 10)}T12:00:00Z` : undefined);
  const newest = articles.map(stated).filter(Boolean).sort().at(-1) ?? '1970-01-01T00:00:00Z';
  const entries = articles.map((v) => {
    const url = new URL(articleUrl(v.id), base).href;
    return [
      '  <entry>',
      `    <title>${escapeXml(v.title)}</title>`,
      `    <link href="${escapeXml(url)}"/>`,
      `    <id>${escapeXml(url)}</id>`,
      `    <updated>${stated(v) ?? newest}</updated>`,
      ...(stated(v) ? [`    <published>${stated(v)}</published>`] : []),
      ...v.authors.map((a) => `    <author><name>${escapeXml(a.name)}</name></author>`),
      ...(v.standfirst ? [`    <summary>${escapeXml(v.standfirst)}</summary>`] : []),
      ...v.topics.map((t) => `    <category term="${escapeXml(t.name)}"/>`),
      '  </entry>',
    ].join('\n');
  });
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '  <title>Policy Reader</title>',
    `  <subtitle>${escapeXml(upperFirst(commentaryOn(readCollectionDescription().description.subject)))}.</subtitle>`,
    `  <link href="${escapeXml(new URL(pages.atomFeed, base).href)}" rel="self"/>`,
    `  <link href="${escapeXml(new URL('/', base).href)}"/>`,
    `  <id>${escapeXml(new URL('/', base).href)}</id>`,
    `  <updated>${newest}</updated>`,
    '  <author><name>Policy Reader</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
