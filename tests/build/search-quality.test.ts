import { describe, expect, it } from 'vitest';
import { runSearch, type PagefindLike, type Result, type SearchOutcome } from '../../src/lib/search-engine';
import { builtPhrases } from '../support/built-phrases';
import { loadPagefind, type PagefindApi } from '../support/pagefind-node';
import { readBuilt } from '../support/built-site';
import { readSynonyms } from '../../src/content-files/config-files';
import { shardOf, suggest } from '../../src/lib/did-you-mean';

/** The words a result's sentence marks, a gap between marks said as " … ". */
const markedText = (r: Result) => r.sentence.filter((part) => part.marked).map((part) => part.text).join(' … ');

const everyResult = (outcome: SearchOutcome) => outcome.load(0, outcome.total);

/** The article page an address or a result's link is of ("/articles/<slug>/"). */
const slugOf = (url: string) => /\/articles\/[^/]+\//.exec(url)?.[0];

/** The real index, counting the result fragments a search downloads. */
async function countingFragments(): Promise<{ pf: PagefindApi; fragments: () => number }> {
  const real = await loadPagefind();
  let fragments = 0;
  const pf: PagefindApi = {
    ...real,
    filters: () => real.filters(),
    search: async (query, options) => {
      const search = await real.search(query, options);
      return { ...search, results: search.results.map((r) => ({ ...r, data: () => (fragments++, r.data()) })) };
    },
  };
  return { pf, fragments: () => fragments };
}

/*
 * Search quality against the real built index, run in Node: the same
 * pagefind.js and index files a reader's browser downloads.
 */
const QUOTES = [
  { slug: 'view-from-westminster', quote: 'the new team will need to show quickly that its primary focus is genuine service improvement' },
  { slug: 'critical-time-for-the-nhs', quote: 'the genie is well and truly out of the bottle' },
  { slug: 'new-structure-profound-shift', quote: 'creating an unmanageable monolith' },
  { slug: 'inspiration-and-system-leadership', quote: 'a sophisticated game of ‘pass the parcel’ has been played' },
  { slug: 'leadership-first-100-days', quote: 'the world’s largest learning organisation' },
];

describe('search quality (Node, real index)', () => {
  for (const { slug, quote } of QUOTES) {
    for (const [form, query] of [
      ['in curly quotes', `“${quote}”`],
      ['in straight quotes', `"${quote}"`],
      ['without quotes', quote],
    ] as const) {
      it(`a quote from ${slug} pasted ${form} finds that article first, on the block that holds it`, async () => {
        const outcome = await runSearch(await loadPagefind(), query);
        const first = outcome.results[0];
        expect(first?.href).toMatch(new RegExp(`^/articles/${slug}/\\?highlight=`));
        expect(first?.blockId).toMatch(/^(p|li|pq|bq)-/);
        expect(markedText(first!).toLowerCase().replace(/[‘’]/g, "'")).toContain(
          quote.split(' ').slice(1, 4).join(' ').toLowerCase().replace(/[‘’]/g, "'"),
        );
      });
    }
  }

  it('an exact phrase matches only where the words are together', async () => {
    const outcome = await runSearch(await loadPagefind(), '“political fudge”');
    expect(outcome.results.map((r) => r.href.split('?')[0]).sort()).toEqual([
      '/articles/inspiration-and-system-leadership/',
      '/articles/view-from-westminster/',
    ]);
    for (const r of outcome.results) expect(markedText(r).toLowerCase()).toBe('political fudge');
  });

  it('a phrase with another word finds only articles with both', async () => {
    const both = await runSearch(await loadPagefind(), '“political fudge” Dorrell');
    const phrase = await runSearch(await loadPagefind(), '“political fudge”');
    expect(both.results.length).toBeGreaterThan(0);
    expect(both.results.length).toBeLessThanOrEqual(phrase.results.length);
    const none = await runSearch(await loadPagefind(), '“political fudge” Hopson');
    expect(none.results.map((r) => r.title)).not.toContain('What do leaders want from NHS Improvement? The view from Westminster');
  });

  it('a filter narrows the results and the counts agree with the list', async () => {
    const pf = await loadPagefind();
    const all = await runSearch(pf, 'NHS Improvement');
    const narrowed = await runSearch(pf, 'NHS Improvement', { selected: { organisation: ['NHS Providers'] } });
    expect(narrowed.total).toBeLessThan(all.total);
    expect(narrowed.total).toBe(all.counts.organisation!['NHS Providers']);
    for (const r of narrowed.results) expect(r.filters.organisation).toContain('NHS Providers');
  });

  it('a broad query downloads only the fragments of the page it shows, and the next page on demand', async () => {
    const { pf, fragments } = await countingFragments();
    const outcome = await runSearch(pf, 'NHS', { pageSize: 2 });
    expect(outcome.total).toBeGreaterThan(2);
    expect(outcome.results).toHaveLength(2);
    expect(fragments()).toBe(2);
    const next = await outcome.load(2, 2);
    expect(fragments()).toBe(2 + next.length);
    expect(new Set([...outcome.results, ...next].map((r) => r.href)).size).toBe(2 + next.length);
  });

  it('every filter count of a word search is the number of results that choosing it gives', async () => {
    const pf = await loadPagefind();
    const outcome = await runSearch(pf, 'NHS', { pageSize: 1 });
    for (const facet of ['organisation', 'year', 'kind'] as const) {
      for (const [value, count] of Object.entries(outcome.counts[facet] ?? {}).slice(0, 8)) {
        expect((await runSearch(pf, 'NHS', { selected: { [facet]: [value] }, pageSize: 1 })).total, `${facet} = ${value}`).toBe(count);
      }
    }
  });

  it('choosing a value keeps the other values of its facet open, with the counts they would add', async () => {
    const pf = await loadPagefind();
    const unfiltered = await runSearch(pf, 'NHS', { pageSize: 1 });
    const [first] = Object.entries(unfiltered.counts.kind ?? {}).filter(([, n]) => n > 0);
    expect(first).toBeDefined();
    const chosen = await runSearch(pf, 'NHS', { selected: { kind: [first![0]] }, pageSize: 1 });
    expect(chosen.counts.kind).toEqual(unfiltered.counts.kind);
  });

  it('filter counts of a phrase search count only the articles that contain the phrase', async () => {
    const outcome = await runSearch(await loadPagefind(), '“unmanageable monolith”');
    expect(outcome.results).toHaveLength(1);
    const total = Object.values(outcome.counts.year!).reduce((a, b) => a + b, 0);
    expect(total).toBe(1);
  });

  it('sorting by date puts newer before older (seed articles: the 2018 statement before the 2015 post) and keeps undated ones', async () => {
    const pf = await loadPagefind();
    const byDate = await everyResult(await runSearch(pf, 'NHS', { sort: 'date' }));
    const byRelevance = await everyResult(await runSearch(pf, 'NHS'));
    // Pagefind drops pages without a sort key from sorted results; every page must still be there.
    expect(byDate.map((r) => r.href.split('?')[0]).sort()).toEqual(byRelevance.map((r) => r.href.split('?')[0]).sort());
    const at = (date: string) => byDate.findIndex((r) => r.date === date);
    expect(at('24 May 2018')).toBeGreaterThanOrEqual(0);
    expect(at('24 May 2018')).toBeLessThan(at('30 September 2015'));
  });

  it('a heading and a list item are landing places too', async () => {
    const heading = await runSearch(await loadPagefind(), '“Notes to editors”');
    expect(heading.results[0]?.blockId).toBe('notes-to-editors');
    const item = await runSearch(await loadPagefind(), '“refreshing the NHS graduate scheme”');
    expect(item.results[0]?.blockId).toMatch(/^li-/);
  });

  it('a word no article has is named, never dropped, and the collection’s vocabulary offers the word meant (seed articles)', async () => {
    const pf = await loadPagefind();
    expect((await runSearch(pf, 'monolth')).unmatched).toEqual(['monolth']);
    expect((await runSearch(pf, 'heroic indivdual leadership')).unmatched).toEqual(['indivdual']);
    expect((await runSearch(pf, '“heroic indivdual leadership”')).unmatched).toEqual(['indivdual']);
    expect((await runSearch(pf, 'heroic individual leadership')).unmatched).toEqual([]);
    // The other words' results hold the word meant ("monolith"), which is not a form of the misspelling: still named.
    const misspelt = await runSearch(pf, 'creating an unmanageable monolth');
    expect(misspelt.unmatched).toEqual(['monolth']);
    expect(misspelt.results[0]?.href).toMatch(/^\/articles\/new-structure-profound-shift\//);
    const vocabulary = (letter: string) => JSON.parse(readBuilt(`/search/vocabulary/${letter}.json`)) as [string, number][];
    expect(suggest('monolth', vocabulary(shardOf('monolth')))).toBe('monolith');
    expect(suggest('indivdual', vocabulary(shardOf('indivdual')))).toBe('individual');
  });

  it('a query whose every word no article has finds nothing, though Pagefind answers such words with shorter prefixes', async () => {
    const outcome = await runSearch(await loadPagefind(), 'Ein Satz auf Deutsch');
    expect(outcome.unmatched).toEqual(['ein', 'satz', 'auf', 'deutsch']);
    expect(outcome.total).toBe(0);
    expect(outcome.results).toEqual([]);
    expect(Object.values(outcome.counts).flatMap((values) => Object.values(values)).every((n) => n === 0)).toBe(true);
  });

  it('a word typed with a minus sign leaves out the articles that have it, and only those', async () => {
    const pf = await loadPagefind();
    const broad = await runSearch(pf, 'NHS');
    const pages = await Promise.all((await pf.search('NHS')).results.map((r) => r.data()));
    const sets = pages.map((d) => new Set(d.content.toLowerCase().split(/[^a-z]+/)));
    // A long word some of those articles have and some do not, and none has only in another form (Pagefind matches forms too).
    const forms = (set: Set<string>, w: string) => [...set].some((x) => x.startsWith(w.slice(0, -2)));
    const word = [...sets[0]!].find((w) => w.length > 6 && sets.some((set) => !set.has(w)) && sets.every((set) => set.has(w) === forms(set, w)));
    expect(word, 'a word in some articles but not all').toBeDefined();
    const without = await runSearch(pf, `NHS -${word}`);
    expect(without.leftOut).toEqual([word]);
    const kept = pages.filter((_, i) => !sets[i]!.has(word!)).map((d) => slugOf(d.url));
    expect(without.total).toBeLessThan(broad.total);
    expect((await without.load(0, without.total)).map((r) => slugOf(r.href)).sort()).toEqual(kept.sort());
  });

  it('a word finds an article by its text, title, authors, publisher or date, never by the data its results read', async () => {
    const pf = await loadPagefind();
    const pages = new Map((await Promise.all((await pf.search(null)).results.map((r) => r.data()))).map((d) => [slugOf(d.url), d]));
    // The facts as facts: a label the result line adds ("(inferred)", "Date not stated") is not a word of them.
    const fact = (value: string | undefined) => (value ?? '').replace(/ \(inferred\)$/, '').replace(/^Date not stated$/, '');
    // Words the data a result reads held as JSON keys and labels ("block", "who" and "text" of each inline quotation;
    // "Date not stated"; "(inferred)"), each with the start of the words Pagefind finds for it (it stems a query's words).
    for (const [word, start] of [['block', 'block'], ['text', 'text'], ['stated', 'state'], ['inferred', 'infer']] as const) {
      for (const result of await everyResult(await runSearch(pf, word))) {
        const page = pages.get(slugOf(result.href));
        expect(page, result.href).toBeDefined();
        const searched = [page!.content, page!.meta.title, page!.meta.who, fact(page!.meta.organisation), fact(page!.meta.date)].join(' ');
        expect(searched, `${result.href} is a result for "${word}"`).toMatch(new RegExp(`\\b${start}`, 'i'));
      }
    }
  });

  it('a word an article has only in its metadata (the year of its date) is found, and not said to be in no article (seed articles)', async () => {
    const pf = await loadPagefind();
    const pages = await Promise.all((await pf.search(null)).results.map((r) => r.data()));
    const inContent = new Set(pages.flatMap((d) => d.content.split(/\W+/)));
    const year = pages.map((d) => /\b\d{4}\b/.exec(d.meta.date ?? '')?.[0]).find((y) => y !== undefined && !inContent.has(y));
    expect(year, 'a year that only an article’s date states').toBeDefined();
    const outcome = await runSearch(pf, year!);
    expect(outcome.unmatched).toEqual([]);
    expect(outcome.total).toBeGreaterThan(0);
  });

  it('a term with synonyms also finds the others, says which, and is not called missing (seed article, content/synonyms.yaml)', async () => {
    const { groups } = readSynonyms();
    const outcome = await runSearch(await loadPagefind(), 'merger', { synonyms: groups });
    expect(outcome.alternatives).toContain('merging');
    expect(outcome.unmatched).toEqual([]);
    const all = await outcome.load(0, outcome.total);
    expect(all.map((r) => r.href.split('?')[0])).toContain('/articles/leadership-first-100-days/');
  });

  it('a word finds its other forms by its stem, as the README says: a plural its singular, “regulators” “regulation” (seed articles)', async () => {
    const pf = await loadPagefind();
    const matched = async (query: string) => {
      const outcome = await runSearch(pf, query);
      return (await outcome.load(0, outcome.total)).map((r) => r.match.toLowerCase());
    };
    expect(await matched('trusts')).toContain('trust');
    expect(await matched('regulators')).toEqual(expect.arrayContaining(['regulation']));
    expect(await matched('leader')).toEqual(expect.arrayContaining(['leaders']));
  });

  it('a few words that no article has together find the articles with the others, saying which word is left out (seed articles)', async () => {
    const pf = await loadPagefind();
    // In the seed, "ambition" stands in one article, and "regulator" and "monitor" in two others, together.
    const outcome = await runSearch(pf, 'regulator ambition monitor');
    expect(outcome.relaxed).toEqual({ text: 'regulator monitor', without: 'ambition' });
    expect(outcome.total).toBeGreaterThan(0);
    for (const result of await everyResult(outcome)) {
      const marked = markedText(result).toLowerCase();
      expect(marked).toMatch(/regulat|monitor/);
    }
    // A word in no article is one to correct, not to leave out.
    const misspelt = await runSearch(pf, 'regulator monitr');
    expect(misspelt.relaxed).toBeUndefined();
    expect(misspelt.unmatched).toEqual(['monitr']);
  });

  it('an empty query says it is empty; a query with no match returns nothing', async () => {
    expect((await runSearch(await loadPagefind(), '  ')).empty).toBe(true);
    expect((await runSearch(await loadPagefind(), 'xylophone')).results).toEqual([]);
  });

  it('only article content is indexed, not navigation or provenance', async () => {
    const pf = await loadPagefind();
    // What has the words as one passage: a looser search may find them apart in an article's text (lib/search-query, relaxedQueries).
    const asPassage = async (quotation: string) => {
      const outcome = await runSearch(pf, quotation);
      return outcome.relaxed ? [] : outcome.results;
    };
    expect(await asPassage('“Skip to content”')).toEqual([]);
    expect(await asPassage('“Lines not shown as body text”')).toEqual([]);
    expect(await asPassage('“Link to this paragraph”')).toEqual([]);
    // Who speaks is shown beside the words, not indexed as them.
    expect(await asPassage('“Quoting: Stephen Dorrell”')).toEqual([]);
    expect(await asPassage('“Speaker: Chris Hopson”')).toEqual([]);
  });

  it('a person filter finds what that person said: the passage in their words, attributed to them', async () => {
    const outcome = await runSearch(await loadPagefind(), 'NHS Improvement', { selected: { person: ['Nigel Edwards'] } });
    expect(outcome.results).toHaveLength(1);
    expect(outcome.results[0]?.who).toBe('Nigel Edwards');
    expect(outcome.results[0]?.blockId).toMatch(/^p-/);
    expect(outcome.results[0]!.sentence.map((part) => part.text).join('')).toMatch(/^The chief executive of NHS Improvement\b/);
    expect(markedText(outcome.results[0]!)).toBe('NHS Improvement');
  });

  it('a statement’s own narration is nobody’s quotation; its speaker’s words are theirs, with their role then (seed article)', async () => {
    const pf = await loadPagefind();
    const narration = await runSearch(pf, '“setting out how the two organisations will work together”');
    expect(narration.results[0]).toMatchObject({ quoted: false, who: undefined });
    const spoken = await runSearch(pf, '“single joint finance director”');
    expect(spoken.results[0]).toMatchObject({ who: 'Chris Hopson', role: 'chief executive, NHS Providers', quoted: true });
  });

  it('one year facet: an inferred year counts as that year, and the inferred ones are counted apart', async () => {
    const outcome = await runSearch(await loadPagefind(), 'NHS', { pageSize: 1 });
    const years = Object.keys(outcome.counts.year ?? {});
    expect(years.every((y) => /^(\d{4}|Undated)$/.test(y))).toBe(true);
    for (const [year, n] of Object.entries(outcome.counts['year-inferred'] ?? {})) expect(outcome.counts.year?.[year] ?? 0).toBeGreaterThanOrEqual(n);
    // Choosing a year finds its inferred articles too.
    const inferredYear = Object.entries(outcome.counts['year-inferred'] ?? {}).find(([, n]) => n > 0)?.[0];
    if (inferredYear) expect((await runSearch(await loadPagefind(), 'NHS', { selected: { year: [inferredYear] }, pageSize: 1 })).total).toBe(outcome.counts.year![inferredYear]);
  });

  it('words inside a quotation are attributed to its speaker, not to the article', async () => {
    const outcome = await runSearch(await loadPagefind(), '"Insist on a really clear and simple mandate"');
    expect(outcome.results[0]?.who).toBe('Jeremy Taylor');
  });
});

/** Pagefind that fails if used: a phrase the index answers must not need it. */
const noPagefind: PagefindLike = {
  search: () => Promise.reject(new Error('Pagefind was searched')),
  filters: () => Promise.reject(new Error('Pagefind was loaded')),
};

describe('exact phrases from the index of adjacent words (Node, real index)', () => {
  for (const { slug, quote } of QUOTES) {
    it(`a quote from ${slug} in quotes is found without Pagefind: the same results, block and counts as Pagefind gives`, async () => {
      const { source, read } = builtPhrases();
      const fast = await runSearch(noPagefind, `“${quote}”`, { phrases: source, counts: false });
      const full = await runSearch(await loadPagefind(), `“${quote}”`);
      expect(fast.results.map((r) => r.href)).toEqual(full.results.map((r) => r.href));
      expect(fast.results[0]?.href).toMatch(new RegExp(`^/articles/${slug}/\\?highlight=`));
      expect(fast.total).toBe(full.total);
      expect(read.some((url) => url.startsWith('/pagefind/') && !url.includes('/fragment/'))).toBe(false);
      // The counts need every facet's values, which Pagefind's filter list gives: loaded after the results.
      const counts = (await runSearch({ ...noPagefind, filters: async () => (await loadPagefind()).filters() }, `“${quote}”`, { phrases: source })).counts;
      expect(counts).toEqual(full.counts);
    });
  }

  it('a phrase the collection does not have is left to Pagefind, which says which words no article has', async () => {
    const outcome = await runSearch(await loadPagefind(), '“zebra crossing quagmire”', { phrases: builtPhrases().source });
    expect(outcome.total).toBe(0);
    expect(outcome.unmatched).toContain('quagmire');
  });
});
