import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOSSARY_USES_SHOWN, SECTION_SIZE } from '../../src/lib/paging';
import { QUOTED_LINKS_SHOWN } from '../../src/lib/quoted-from';
import { PERSON_MORE_SIZE, type PersonItem, type PersonWords } from '../../src/lib/entity-search';
import { PAGE_SIZE } from '../../src/lib/search-engine';
import { ARTICLES_PAGE_SIZE, GLOSSARY_PAGE_SIZE, glossaryTermAnchor, HOME_SIZE, NAMES_PAGE_SIZE, QUOTES_PAGE_SIZE, TIMELINE_PAGE_SIZE } from '../../src/lib/routes';
import { buildFixture } from '../support/fixture-build';
import { ADDED, ECHO, ECHOED, MANY, PEOPLE, UNUSED_TERMS } from '../support/many-articles';
import { fromUnsearchable } from '../../src/lib/search-metadata';

/*
 * A collection larger than one page of the list of articles: the home page
 * shows the newest and links to the list, the list comes a page at a time,
 * and every page of it is in the sitemap.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-article-list-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

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

  it('the first page of the list of articles says which months each page runs from and to', () => {
    // The newest note is of 2018, the rest of 2017; the fixture's own article (30 September 2015) is alone on the second page.
    expect(page('articles/index.html')).toMatch(
      /<nav aria-labelledby="article-pages-heading"[^]*?>Page 1<\/a>: \w+ 2018 to \w+ 2017<\/li>\s*<li>[^]*?>Page 2<\/a>: September 2015<\/li>/,
    );
    expect(page('articles/page/2/index.html')).not.toContain('article-pages-heading');
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
    // /quotes/#speaker-not-stated, shared before the quotes ran on, lands on the link onward.
    expect(second).toContain('<h2 id="speaker-not-stated">Speaker not stated</h2>');
    expect(first).toMatch(/<li id="speaker-not-stated"><a href="\/quotes\/page\/2\/#speaker-not-stated">Speaker not stated<\/a> \(\d+\)<\/li>/);
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

  it('the timeline comes a page at a time, oldest first, a year that runs on headed again as continued', () => {
    const entries = (html: string) => [...html.matchAll(/<time datetime="([^"]+)">[^]*?timeline__kind">(\w+):<\/span> <a href="([^"]+)">/g)].map((m) => ({ date: m[1]!, kind: m[2]!, href: m[3]! }));
    const first = page('timeline/index.html');
    const second = page('timeline/page/2/index.html');
    expect(entries(first)).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(first).toContain('rel="next" href="/timeline/page/2/"');
    expect(second).toContain('rel="prev" href="/timeline/"');
    const all = [...entries(first), ...entries(second)];
    const years = all.map((e) => e.date.slice(0, 4));
    expect(years).toEqual([...years].sort());
    const articles = all.filter((e) => e.kind === 'Article').map((e) => e.href);
    expect(new Set(articles).size).toBe(ADDED + 1);
    expect(articles).toHaveLength(ADDED + 1);
    expect(second).toMatch(/<h2 id="year-2017">2017<span class="continued"> \(continued\)<\/span><\/h2>/);
    expect(second).toMatch(/<h2 id="year-2018">2018<\/h2>/);
  });

  it('the first page of the timeline lists every year, linked to the page it starts on, so an address of a later year still lands', () => {
    const first = page('timeline/index.html');
    expect(first).toMatch(/<a href="#year-2015">2015<\/a> \(2\)/);
    expect(first).toMatch(/<a href="#year-2017">2017<\/a> \(\d+\)/);
    // /timeline/#year-2018, shared before the timeline had a second page, lands on the link onward.
    expect(first).toMatch(/<li id="year-2018"><a href="\/timeline\/page\/2\/#year-2018">2018<\/a> \(1\)<\/li>/);
    expect(first.match(/id="year-2017"/g)).toHaveLength(1);
  });

  it('the list of people comes a page at a time, A to Z under initial letters, accents folded, each person once', () => {
    const people = (html: string) => [...html.matchAll(/<li><a href="\/people\/([^/]+)\/">/g)].map((m) => m[1]);
    const first = page('people/index.html');
    const second = page('people/page/2/index.html');
    expect(people(first)).toHaveLength(NAMES_PAGE_SIZE);
    expect(first).toContain('rel="next" href="/people/page/2/"');
    expect(second).toContain('rel="prev" href="/people/"');
    expect(new Set([...people(first), ...people(second)]).size).toBe(PEOPLE.length + 1);
    expect(second).toMatch(/<h2 id="letter-e">E<span class="continued"> \(continued\)<\/span><\/h2>/);
    expect(second).toMatch(/<h2 id="letter-s">S<\/h2>/);
    // The first page lists every letter with its count, linked to the page it starts on.
    expect(first).toMatch(/<a href="#letter-e">E<\/a> \(26\)/);
    expect(first).toContain('<a href="/people/page/2/#letter-s">S</a> (1)');
    // And each page's first and last name, since a letter can span pages.
    expect(first).toMatch(/<nav aria-labelledby="name-pages-heading"[^]*?>Page 1<\/a>: Alex Example \d+ to Émile Example \d+<\/li><li>[^]*?>Page 2<\/a>: Émile Example \d+ to Sam Author<\/li>/);
  });

  it('the glossary lists the newest uses of an abbreviation that many articles use, and links to the search that finds them all', () => {
    const glossary = page('glossary/index.html');
    const entry = glossary.match(/<div class="glossary__entry" id="term-gn">[^]*?<\/div>/)?.[0] ?? '';
    expect(entry.match(/<a href="\/articles\//g)).toHaveLength(GLOSSARY_USES_SHOWN);
    expect(entry).toContain(`The newest ${GLOSSARY_USES_SHOWN} of ${ADDED}. <a href="/search/?q=%22GN%22">All ${ADDED} articles that use it in search</a>`);
  });

  it('the glossary comes a page at a time, the terms the texts write out in full last, each term once and findable by its old address', () => {
    const terms = (html: string) => [...html.matchAll(/<div class="glossary__entry" id="([^"]+)">/g)].map((m) => m[1]!);
    const first = page('glossary/index.html');
    const second = page('glossary/page/2/index.html');
    expect(terms(first)).toHaveLength(GLOSSARY_PAGE_SIZE);
    expect(first).toContain('rel="next" href="/glossary/page/2/"');
    expect(second).toContain('rel="prev" href="/glossary/"');
    const all = [...terms(first), ...terms(second)];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining([glossaryTermAnchor('GN'), ...UNUSED_TERMS.map(glossaryTermAnchor)]));
    // The terms no text abbreviates run on to the second page, headed again as continued; the first page's letters say where.
    expect(first.indexOf(`id="${glossaryTermAnchor('GN')}"`)).toBeLessThan(first.indexOf('<h2 id="unused-heading">'));
    expect(second).toContain('<h2 id="unused-heading">Not abbreviated in the texts<span class="continued"> (continued)</span></h2>');
    expect(first).toMatch(/<a href="#letter-g">G<\/a> \(\d+ terms?\)/);
    expect(first).toMatch(/<a href="#unused-heading">Not abbreviated in the texts<\/a> \([\d,]+ terms\)/);
    // And the first and last abbreviation on each page that has any: here the first page only.
    expect(first).toMatch(/<nav aria-labelledby="term-pages-heading"[^]*?>Page 1<\/a>: [^<]*\bGN\b[^<]*<\/li><\/ul><\/nav>/);
    // Where each term stands, for an address shared while the glossary was one page.
    const where = JSON.parse(page('glossary/terms.json')) as Record<string, number>;
    expect(Object.keys(where).sort()).toEqual([...all].sort());
    for (const id of terms(second)) expect(where[id]).toBe(2);
    expect(page('sitemap-0.xml')).toContain('<loc>http://localhost:4321/glossary/page/2/</loc>');
  });

  it('a line many articles quote names the earliest few where it stands, and links to the search for the rest', () => {
    const note = (html: string, label: string) => html.match(new RegExp(`<span class="xref__label">${label}:</span>[^]*?</span>(?=<|$)`))?.[0] ?? '';
    const linked = (html: string) => [...html.matchAll(/<a href="\/articles\/(note-\d+)\//g)].map((m) => m[1]);
    const search = `/search/?q=%22${ECHO.replaceAll(' ', '+')}%22`;
    const notes = Array.from({ length: ECHOED }, (_, i) => `note-${String(i + 1).padStart(3, '0')}`);
    // Where it stands first: the earliest of the articles that quote it, and a count of the rest.
    const original = note(page(`articles/${notes[0]}/index.html`), 'Quoted in');
    expect(linked(original)).toEqual(notes.slice(1, 1 + QUOTED_LINKS_SHOWN));
    expect(original).toContain(`; and <a href="${search}">${ECHOED - 1 - QUOTED_LINKS_SHOWN} more article</a>`);
    // The last to quote it: the original first.
    const last = note(page(`articles/${notes.at(-1)}/index.html`), 'Quoted from');
    expect(linked(last)).toEqual(notes.slice(0, QUOTED_LINKS_SHOWN));
    expect(last).toContain(`more article`);
    // Search results say the same: the earliest few, and how many more.
    const echoes = JSON.parse(fromUnsearchable(page(`articles/${notes[0]}/index.html`).match(/<meta name="search:echoes"[^>]*content="([^"]*)"/)![1]!)!) as Record<string, { in?: string[]; more?: number }>;
    const echoed = Object.values(echoes).find((e) => e.in);
    expect(echoed?.in).toEqual(notes.slice(1, 1 + QUOTED_LINKS_SHOWN).map((n) => `Generated note number ${n.slice(5)}`));
    expect(echoed?.more).toBe(ECHOED - 1 - QUOTED_LINKS_SHOWN);
  });

  it('a search for a person alone comes a page at a time: the first with the counts, each later page a file of its own', () => {
    const first = JSON.parse(page('search/people/sam-author.json')) as PersonWords;
    const total = first.counts.quotations + first.counts.wrote + first.counts.named;
    expect(first.counts.quotations).toBeGreaterThan(PAGE_SIZE);
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.pages).toBe(1 + Math.ceil((total - PAGE_SIZE) / PERSON_MORE_SIZE));
    const rest = Array.from({ length: first.pages - 1 }, (_, i) => JSON.parse(page(`search/people/sam-author/${i + 2}.json`)) as PersonItem[]);
    const all = [...first.items, ...rest.flat()];
    expect(all).toHaveLength(total);
    // Their quotations first, then what they wrote, then where they are named.
    const kinds = all.map((item) => item.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['quotation', 'wrote', 'named'].indexOf(a) - ['quotation', 'wrote', 'named'].indexOf(b)));
    expect(new Set(all.map((item) => `${item.kind} ${item.href}`)).size).toBe(total);
  });

  it('the page for a missing address carries no list of the articles: the list of their addresses is a file of its own', () => {
    expect(page('404.html')).not.toContain('note-050');
    const addresses = JSON.parse(page('search/articles.json')) as [string, string][];
    expect(addresses).toHaveLength(ADDED + 1);
    expect(addresses).toContainEqual(['note-050', 'Generated note number 050']);
  });

  it('every page of the lists is in the sitemap', () => {
    expect(page('sitemap-0.xml')).toContain('<loc>http://localhost:4321/articles/page/2/</loc>');
    expect(page('sitemap-0.xml')).toContain('<loc>http://localhost:4321/quotes/page/2/</loc>');
    expect(page('sitemap-0.xml')).toContain('<loc>http://localhost:4321/timeline/page/2/</loc>');
  });
});
