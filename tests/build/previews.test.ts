import type { Element } from 'hast';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FEED_SIZE } from '../../src/lib/routes';
import { builtFiles, builtPage, contentArticles, readBuilt, select } from '../support/built-site';

/*
 * What the site tells search engines, feed readers and link previews, read
 * from the built files with independent parsers (the HTML parser, and
 * fast-xml-parser for the feed).
 */
const pages = builtFiles()
  .filter((f) => f.endsWith('/index.html'))
  .map((f) => f.replace(/index\.html$/, ''));
const attr = (el: Element | undefined, name: string) => (el ? String(el.properties[name] ?? '') : undefined);
const meta = (page: ReturnType<typeof builtPage>, property: string) =>
  attr(select(page, (el) => el.tagName === 'meta' && (el.properties.property === property || el.properties.name === property))[0], 'content');
const isRedirect = (page: ReturnType<typeof builtPage>) => select(page, (el) => el.tagName === 'meta' && el.properties.httpEquiv !== undefined).length > 0;

const EXPECTED_TYPE = (path: string): string[] => {
  if (path === '/') return ['WebSite'];
  if (/^\/articles\/[^/]+\/$/.test(path)) return ['Article', 'NewsArticle'];
  if (/^\/people\/[^/]+\/$/.test(path)) return ['ProfilePage'];
  if (/^\/organisations\/[^/]+\/$/.test(path)) return ['AboutPage'];
  if (path === '/about/') return ['AboutPage'];
  if (path === '/search/') return ['SearchResultsPage'];
  if (path === '/glossary/') return ['DefinedTermSet'];
  return ['CollectionPage'];
};

describe('structured data on every page kind', () => {
  it.each(pages)('%s has one JSON-LD description of a fitting schema.org type', (path) => {
    const page = builtPage(path);
    if (isRedirect(page)) return;
    const scripts = select(page, (el) => el.tagName === 'script' && el.properties.type === 'application/ld+json');
    expect(scripts).toHaveLength(1);
    const data = JSON.parse((scripts[0]!.children[0] as { value: string }).value);
    expect(data['@context']).toBe('https://schema.org');
    expect(EXPECTED_TYPE(path)).toContain(data['@type']);
  });
});

describe('link previews', () => {
  it('every article has a description of its own, not its title again', () => {
    for (const { id } of contentArticles()) {
      const page = builtPage(`/articles/${id}/`);
      const description = meta(page, 'og:description');
      expect(description, id).toBeTruthy();
      expect(description, id).not.toBe(meta(page, 'og:title'));
      expect(description!.length, id).toBeLessThanOrEqual(200 + 1);
    }
  });
});

describe('discovery files', () => {
  it('robots.txt allows the site and points at a sitemap that exists', () => {
    const robots = readBuilt('/robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toMatch(/^https?:\/\/.+\/sitemap-index\.xml$/);
    expect(builtFiles()).toContain('/sitemap-index.xml');
  });

  it('the feed is valid RSS 2.0 with the newest articles, authors as dc:creator and no <author> (which must be an email)', () => {
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'dc:creator' || name === 'category' }).parse(readBuilt('/feed.xml'));
    expect(feed.rss['@_version']).toBe('2.0');
    expect(feed.rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    const items = feed.rss.channel.item as Record<string, unknown>[];
    expect(items).toHaveLength(Math.min(FEED_SIZE, contentArticles().length));
    for (const item of items) {
      expect(item.title).toBeTruthy();
      expect(String(item.link)).toMatch(/^https?:\/\/.+\/articles\/[^/]+\/$/);
      expect(item).not.toHaveProperty('author');
    }
    // Seed article: the one with a stated author.
    const westminster = items.find((i) => String(i.link).endsWith('/articles/view-from-westminster/'));
    expect(westminster?.['dc:creator']).toEqual(['Stephen Dorrell']);
  });
});
