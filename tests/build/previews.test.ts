import type { Element } from 'hast';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FEED_SIZE } from '../../src/lib/routes';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtFiles, builtPage, contentArticles, dist, readBuilt, select } from '../support/built-site';

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

  it('every article has a card of its own: a 1200×630 PNG built beside the page, shown large by link previews', () => {
    const cards = new Set<string>();
    const titles = new Set<string>();
    for (const { id } of contentArticles()) {
      const page = builtPage(`/articles/${id}/`);
      const image = meta(page, 'og:image');
      expect(image, id).toMatch(new RegExp(`^https?://[^/]+/articles/${id}/card\\.png$`));
      expect(meta(page, 'twitter:card'), id).toBe('summary_large_image');
      expect(meta(page, 'og:image:alt'), id).toContain(meta(page, 'og:title'));
      const png = readFileSync(path.join(dist, new URL(image!).pathname));
      // The PNG signature, then the IHDR chunk's width and height.
      expect(png.subarray(1, 4).toString('latin1'), id).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], id).toEqual([Number(meta(page, 'og:image:width')), Number(meta(page, 'og:image:height'))]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], id).toEqual([1200, 630]);
      cards.add(png.toString('base64'));
      titles.add(meta(page, 'og:title')!);
    }
    // Each card shows its own article's title: as many pictures as titles.
    expect(cards.size).toBe(titles.size);
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

  it('the Atom feed carries the same articles, each with the id, title and updated time Atom requires', () => {
    const atom = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'author' || name === 'link' || name === 'category' }).parse(readBuilt('/feed.atom'));
    expect(atom.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(atom.feed.id).toMatch(/^https?:\/\//);
    expect(atom.feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(atom.feed.author[0].name).toBe('Policy Reader');
    const entries = atom.feed.entry as Record<string, unknown>[];
    expect(entries).toHaveLength(Math.min(FEED_SIZE, contentArticles().length));
    for (const entry of entries) {
      expect(entry.title).toBeTruthy();
      expect(String(entry.id)).toMatch(/^https?:\/\/.+\/articles\/[^/]+\/$/);
      expect(String(entry.updated)).toMatch(/^\d{4}-\d{2}-\d{2}T12:00:00Z$/);
    }
    // Seed article: its stated date is its publication time, and its stated author is named.
    const westminster = entries.find((e) => String(e.id).endsWith('/articles/view-from-westminster/'));
    expect(westminster).toMatchObject({ published: '2015-09-30T12:00:00Z', author: [{ name: 'Stephen Dorrell' }] });
  });
});
