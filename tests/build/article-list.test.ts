import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTION_SIZE } from '../../src/lib/paging';
import { ARTICLES_PAGE_SIZE, HOME_SIZE, QUOTES_PAGE_SIZE } from '../../src/lib/routes';
import { buildFixture, write, type Delta } from '../support/fixture-build';

/*
 * A collection larger than one page of the list of articles: the home page
 * shows the newest and links to the list, the list comes a page at a time,
 * and every page of it is in the sitemap.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-article-list-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// One more than a page, with the fixture's own article: two pages.
const ADDED = ARTICLES_PAGE_SIZE;
const MANY: Delta = Object.fromEntries(
  Array.from({ length: ADDED }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    const title = `Generated note number ${n}`;
    const date = `2017-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    return [
      [`articles/note-${n}.md`, write(`---\ntitle: "${title}"\ntitleSource: source\npublished: "${date}"\ntopics: [sample-topic]\nsource:\n  capture: note-${n}.txt\n---\n\nThe text of note ${n}, where Sam said “:quote[note ${n} matters]{speaker="sam-author"}”.\n`)],
      [`sources/note-${n}.txt`, write(`${title}\n\nThe text of note ${n}, where Sam said “note ${n} matters”.\n`)],
    ];
  }).flat(),
);

let out = '';
beforeAll(() => {
  const built = buildFixture('many', MANY, scratch);
  expect(built.status, built.output).toBe(0);
  out = built.out;
});
const page = (file: string) => readFileSync(path.join(out, file), 'utf8');
const titles = (html: string) => [...html.matchAll(/class="article-summary__title"><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]);

describe('a collection longer than one page of the list', () => {
  it('the home page lists the newest articles and links to all of them', () => {
    const home = page('index.html');
    expect(titles(home)).toHaveLength(HOME_SIZE);
    expect(home).toContain(`All ${ADDED + 1} articles, newest first`);
  });

  it('the list of articles comes a page at a time, each linking to the next and the one before, every article once', () => {
    const first = page('articles/index.html');
    const second = page('articles/page/2/index.html');
    expect(titles(first)).toHaveLength(ARTICLES_PAGE_SIZE);
    expect(first).toContain('rel="next" href="/articles/page/2/"');
    expect(first).not.toContain('rel="prev"');
    expect(second).toContain('rel="prev" href="/articles/"');
    expect(second).not.toContain('rel="next"');
    expect(second).toContain('Page 2 of 2');
    const all = [...titles(first), ...titles(second)];
    expect(new Set(all).size).toBe(ADDED + 1);
    // Newest first: the fixture's own article (2015) is the oldest.
    expect(all.at(-1)).toBe('A sample headline');
  });

  it('the quotes come a page at a time too, a speaker whose quotations run on headed again as continued', () => {
    const quotations = (html: string) => (html.match(/class="quote-list__item"/g) ?? []).length;
    const first = page('quotes/index.html');
    const second = page('quotes/page/2/index.html');
    expect(quotations(first)).toBe(QUOTES_PAGE_SIZE);
    expect(quotations(second)).toBeGreaterThan(0);
    expect(first).toContain('rel="next" href="/quotes/page/2/"');
    expect(second).toMatch(/Sam Author<\/a><span class="continued"> \(continued\)<\/span>/);
    // The index of speakers, on the first page, counts every quotation of each.
    expect(first).toMatch(/>Sam Author<\/a> \(\d+\)/);
  });

  it('a person’s and a topic’s pages show the newest of each long section, and link to the search that lists them all', () => {
    const quotations = (html: string) => (html.match(/class="quote-list__item"/g) ?? []).length;
    const person = page('people/sam-author/index.html');
    expect(quotations(person)).toBe(SECTION_SIZE);
    expect(person).toMatch(/The newest 20 of \d+\. <a href="\/search\/\?person=Sam\+Author">All \d+ of their quotations in search<\/a>/);
    const topic = page('topics/sample-topic/index.html');
    expect(titles(topic)).toHaveLength(SECTION_SIZE);
    expect(topic).toContain(`All ${ADDED + 1} articles on this topic in search`);
  });

  it('every page of the lists is in the sitemap', () => {
    expect(page('sitemap-0.xml')).toContain('<loc>http://localhost:4321/articles/page/2/</loc>');
    expect(page('sitemap-0.xml')).toContain('<loc>http://localhost:4321/quotes/page/2/</loc>');
  });
});
