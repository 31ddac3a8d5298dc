import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articlePath,
  articleRoute,
  articlesPageUrl,
  articleUrl,
  blockUrl,
  citationFileUrl,
  entityUrl,
  fitSearchText,
  organisationUrl,
  parseRoute,
  personUrl,
  SEARCH_BOX_MOST,
  SEARCH_TEXT_MOST,
  searchUrl,
  siteRouteIn,
  siteSearchIn,
  sourceUrl,
  sourceUrlInDev,
  topicUrl,
} from '../../src/lib/routes';

describe('public URLs', () => {
  it('puts every entry at /<kind>/<slug>/ with a trailing slash', () => {
    expect(articleUrl('a')).toBe('/articles/a/');
    expect(personUrl('p')).toBe('/people/p/');
    expect(organisationUrl('o')).toBe('/organisations/o/');
    expect(topicUrl('t')).toBe('/topics/t/');
  });

  it('links a block as the article URL with the block id as its fragment', () => {
    expect(blockUrl('a', 'p-3f9a2c1d')).toBe('/articles/a/#p-3f9a2c1d');
  });

  it('answers for a capture in the dev server at its route, with the slash the route needs, and for nothing else', () => {
    expect(sourceUrlInDev(sourceUrl('sample.txt'))).toBe('/sources/sample.txt/');
    expect(sourceUrlInDev('/sources/sample.txt?download=1')).toBe('/sources/sample.txt/?download=1');
    expect(sourceUrlInDev('/sources/sample.txt/')).toBeUndefined();
    expect(sourceUrlInDev('/sources/')).toBeUndefined();
    expect(sourceUrlInDev('/articles/sample/')).toBeUndefined();
    expect(sourceUrlInDev('/sources/a/b.txt')).toBeUndefined();
  });

  it('names the route of the article pages as the page file that writes them, whose pattern their address fits', () => {
    // A build says when the article pages are all written by this name (integrations/page-reuse): a wrong one never says it.
    expect(existsSync(path.resolve('src/pages', `${articleRoute.slice(1)}.astro`))).toBe(true);
    expect(articleRoute.replace('[slug]', 'a')).toBe(articleUrl('a').slice(0, -1));
  });

  it('serves citation files beside the article', () => {
    expect(citationFileUrl('a', 'bib')).toBe('/articles/a/citation.bib');
  });

  it('keeps search state in the query string, repeating a filter for each value and leaving out empty ones', () => {
    expect(searchUrl({ q: '"system leadership"', person: ['x', 'y'], topic: undefined, year: '' })).toBe(
      '/search/?q=%22system+leadership%22&person=x&person=y',
    );
    expect(searchUrl()).toBe('/search/');
  });
});

describe('reading a URL back', () => {
  it.each([
    ['/articles/a/', { kind: 'articles', id: 'a', block: undefined }],
    ['/articles/a/#p-1', { kind: 'articles', id: 'a', block: 'p-1' }],
    ['/articles/a/?highlight=x#p-1:~:text=x', { kind: 'articles', id: 'a', block: 'p-1' }],
    ['/articles/a', { kind: 'articles', id: 'a', block: undefined }],
    ['/people/p/', { kind: 'people', id: 'p' }],
  ])('reads %s as the entry it points at', (href, route) => {
    expect(parseRoute(href)).toEqual(route);
  });

  it('lists all articles a page at a time, the first at /articles/', () => {
    expect(articlesPageUrl(1)).toBe('/articles/');
    expect(articlesPageUrl(2)).toBe('/articles/page/2/');
  });

  it.each(['/about/', '/articles/', '/articles/page/2/', '/articles/a/citation.bib', 'https://example.org/people/p/'])('reads %s as no entry', (href) => {
    expect(parseRoute(href)).toBeUndefined();
  });

  it('is the inverse of every builder', () => {
    for (const kind of ['articles', 'people', 'organisations', 'topics'] as const) {
      expect(parseRoute(entityUrl(kind, 'x-1'))).toMatchObject({ kind, id: 'x-1' });
    }
    expect(parseRoute(blockUrl('a', 'li-9'))).toEqual({ kind: 'articles', id: 'a', block: 'li-9' });
  });

  it('finds the site path inside a full result URL', () => {
    expect(articlePath('https://reader.example.org/articles/a/#p-1')).toBe('/articles/a/#p-1');
  });
});

describe('an address of this site pasted into the search box', () => {
  const origins = ['http://localhost:4321', 'https://reader.example.org'];

  it('is read as the entry it names, on any of the site’s origins, with its path on the site', () => {
    expect(siteRouteIn(' https://reader.example.org/articles/a/#p-1 ', origins)).toEqual({ route: { kind: 'articles', id: 'a', block: 'p-1' }, href: '/articles/a/#p-1' });
    expect(siteRouteIn('http://localhost:4321/people/p/', origins)).toEqual({ route: { kind: 'people', id: 'p' }, href: '/people/p/' });
  });

  it('keeps a query, and drops a text fragment’s part of the fragment', () => {
    expect(siteRouteIn('https://reader.example.org/articles/a/?highlight=x#p-1:~:text=x', origins)?.href).toBe('/articles/a/?highlight=x#p-1');
  });

  it('is not read for another site, a page that is no entry, or words around the address', () => {
    for (const text of ['https://elsewhere.example/articles/a/', 'https://reader.example.org/about/', 'see https://reader.example.org/articles/a/', 'reader.example.org/articles/a/', 'javascript:alert(1)//articles/a/']) {
      expect(siteRouteIn(text, origins)).toBeUndefined();
    }
  });
});

describe('the address of a search on this site pasted into the search box', () => {
  const origins = ['https://reader.example.org'];

  it('is read as that search’s query string', () => {
    expect(siteSearchIn('https://reader.example.org/search/?q=%22system+leadership%22&year=2016', origins)).toBe('?q=%22system+leadership%22&year=2016');
    expect(siteSearchIn('https://reader.example.org/search/', origins)).toBe('');
  });

  it('is not read for another site, or another page', () => {
    expect(siteSearchIn('https://elsewhere.example/search/?q=x', origins)).toBeUndefined();
    expect(siteSearchIn('https://reader.example.org/articles/a/', origins)).toBeUndefined();
  });
});

describe('the words of a search, fitted to an address any host serves', () => {
  const qSize = (text: string) => searchUrl({ q: text }).length - '/search/?q='.length;

  it('leaves a quotation of ordinary length as it is', () => {
    const quote = '“the genie is well and truly out of the bottle”';
    expect(fitSearchText(quote)).toEqual({ text: quote, cut: false });
  });

  it('keeps as many whole words of a long passage as fit, and says it cut them', () => {
    const passage = Array.from({ length: 600 }, (_, i) => `word${i}`).join(' \n');
    const { text, cut } = fitSearchText(passage);
    expect(cut).toBe(true);
    expect(qSize(text)).toBeLessThanOrEqual(SEARCH_TEXT_MOST);
    expect(qSize(`${text} word999`)).toBeGreaterThan(SEARCH_TEXT_MOST - 8);
    expect(text.startsWith('word0 word1 word2 ')).toBe(true);
    expect(text.split(' ').every((w, i) => w === `word${i}`)).toBe(true);
  });

  it('counts a character by what it takes encoded: curly quotes and accents take more', () => {
    const curly = Array.from({ length: 400 }, () => '“déjà”').join(' ');
    const { text } = fitSearchText(curly);
    expect(qSize(text)).toBeLessThanOrEqual(SEARCH_TEXT_MOST);
    expect(text.length).toBeLessThan(SEARCH_TEXT_MOST / 3);
  });

  it('a box that holds no more than its script-less limit holds nothing too long for an address, whatever the characters', () => {
    for (const char of ['a', ' ', 'é', '“', '—', '😀', '\u{10FFFF}']) {
      // maxlength counts UTF-16 units: an astral character is two.
      const most = char.repeat(Math.floor(SEARCH_BOX_MOST / char.length));
      expect(qSize(most), JSON.stringify(char)).toBeLessThanOrEqual(SEARCH_TEXT_MOST);
    }
  });

  it('cuts within one word longer than the whole address allows', () => {
    const { text, cut } = fitSearchText('a'.repeat(5000));
    expect(cut).toBe(true);
    expect(text).toBe('a'.repeat(SEARCH_TEXT_MOST));
  });
});
