import { describe, expect, it } from 'vitest';
import { buildPhraseIndex, pairKeysOf } from '../../src/lib/phrase-index';
import { EXACT_COUNTS, FACET_SHOWN, facetValuesShown, originalsFirst, runSearch, type PagefindLike, type PagefindSearch, type PhraseSource } from '../../src/lib/search-engine';

/*
 * runSearch over a stand-in for Pagefind holding many articles, to show what
 * a search at thousands of articles downloads: the real index is the seed
 * site's, too small to tell one page of results from all of them.
 */
interface FakePage {
  id: string;
  words: string[];
  filters: Record<string, string[]>;
  /** Sortable, as the page's data-pagefind-sort date; a page without one sorts last, as in Pagefind. */
  date?: string;
}

function fakePagefind(pages: FakePage[], { prefixFallback = false } = {}) {
  let fragments = 0;
  // As in Pagefind, a search counts its filters only once the filter chunks are loaded (by filters()).
  let filterChunks = false;
  const hitsOf = (query: string | null, options: Record<string, unknown> = {}) => {
    const filters = (options.filters ?? {}) as Record<string, { any: string[] }>;
    const words = query === null ? [] : query.replace(/"/g, '').toLowerCase().split(' ');
    // With prefixFallback, as Pagefind does, a word no page has falls back to the longest start of it that some page's
    // word has ("oscra" to "osc"); else it matches nothing.
    const matches = words.map((w) => {
      if (!prefixFallback || pages.some((p) => p.words.includes(w))) return (p: FakePage) => p.words.includes(w);
      let start = w.slice(0, -1);
      while (start && !pages.some((p) => p.words.some((x) => x.startsWith(start)))) start = start.slice(0, -1);
      return (p: FakePage) => start !== '' && p.words.some((x) => x.startsWith(start));
    });
    const hits = pages.filter(
      (p) =>
        matches.every((match) => match(p)) &&
        Object.entries(filters).every(([facet, { any }]) => any.some((v) => p.filters[facet]?.includes(v))),
    );
    const byDate = (options.sort as { date?: string } | undefined)?.date === 'desc';
    return byDate ? hits.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')) : hits;
  };
  let searches = 0;
  // A connection that drops: fragments fail to load while it is down, as a fetch does.
  let online = true;
  const pf: PagefindLike = {
    filters: async () => {
      filterChunks = true;
      return { year: { '2015': 0, '2016': 0 } };
    },
    search: async (query, options): Promise<PagefindSearch> => {
      searches++;
      const hits = hitsOf(query, options);
      const counts: Record<string, Record<string, number>> = { year: { '2015': 0, '2016': 0 } };
      for (const p of hits) for (const y of p.filters.year ?? []) counts.year![y]! += 1;
      return {
        ...(filterChunks && { filters: counts }),
        results: hits.map((p) => ({
          id: p.id,
          data: async () => {
            if (!online) throw new TypeError('Failed to fetch');
            fragments++;
            const content = p.words.join(' ');
            return { url: `/articles/${p.id}/`, content, locations: [0], anchors: [{ element: 'p', id: 'p-1', text: content, location: 0 }], meta: { title: p.id }, filters: p.filters };
          },
        })),
      };
    },
  };
  return { pf, fragments: () => fragments, filterChunks: () => filterChunks, searches: () => searches, setOnline: (value: boolean) => (online = value) };
}

/** The index of adjacent words over the same pages (lib/phrase-index), counting the fragments it reads. */
function phraseSourceFor(pages: FakePage[]) {
  const { manifest, buckets } = buildPhraseIndex(pages.map((p) => pairKeysOf(p.words.join(' '))));
  let fragments = 0;
  const source: PhraseSource = {
    files: {
      manifest: async () => manifest,
      bucket: async (n) => buckets[n]!,
      pageNames: async (n) => pages.slice(n * manifest.pagesPerFile, (n + 1) * manifest.pagesPerFile).map((p) => p.id),
    },
    fragment: async (id) => {
      fragments++;
      const page = pages.find((p) => p.id === id)!;
      const content = page.words.join(' ');
      return { url: `/articles/${id}/`, content, anchors: [{ element: 'p', id: 'p-1', text: content, location: 0 }], meta: { title: id }, filters: page.filters };
    },
  };
  return { source, fragments: () => fragments };
}

const collection = (n: number): FakePage[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    words: ['board', i % 3 === 0 ? 'merger' : 'review', 'trust'],
    filters: { year: [i % 2 === 0 ? '2015' : '2016'] },
  }));

describe('search at thousands of articles (Pagefind stand-in)', () => {
  it('a broad query loads one page of fragments, whatever the number of hits, and the next page on demand', async () => {
    const { pf, fragments } = fakePagefind(collection(5000));
    const outcome = await runSearch(pf, 'board', { pageSize: 20 });
    expect(outcome.total).toBe(5000);
    expect(outcome.results).toHaveLength(20);
    expect(fragments()).toBe(20);
    const next = await outcome.load(20, 20);
    expect(next.map((r) => r.href)).not.toContain(outcome.results[0]!.href);
    expect(fragments()).toBe(40);
  });

  it('a next page that fails to load is asked for again when the reader asks again, not failed from memory', async () => {
    const { pf, setOnline } = fakePagefind(collection(50));
    const outcome = await runSearch(pf, 'board', { pageSize: 20 });
    setOnline(false);
    await expect(outcome.load(20, 20)).rejects.toThrow('Failed to fetch');
    setOnline(true);
    const next = await outcome.load(20, 20);
    expect(next).toHaveLength(20);
    expect(next.map((r) => r.href)).not.toContain(outcome.results[0]!.href);
  });

  it('a quotation that matches nothing is searched without its first and last words, and the outcome says so', async () => {
    const { pf } = fakePagefind([{ id: 'a', words: ['the', 'genie', 'is', 'out', 'of', 'the', 'bottle'], filters: {} }]);
    const exact = await runSearch(pf, '“the genie is out of the bottle”');
    expect(exact.relaxed).toBeUndefined();
    const clipped = await runSearch(pf, '“enie is out of the bot”');
    expect(clipped.total).toBe(1);
    expect(clipped.relaxed).toEqual({ text: '"is out of the"', withoutEdges: true });
    const nothing = await runSearch(pf, '“enie is out of the bus station”');
    expect(nothing.total).toBe(0);
    expect(nothing.relaxed).toBeUndefined();
  });

  it('the counts of a one-search query are the index’s own, for every hit, without loading them', async () => {
    const { pf, fragments } = fakePagefind(collection(5000));
    const outcome = await runSearch(pf, 'board', { pageSize: 20 });
    expect(outcome.counts.year).toEqual({ '2015': 2500, '2016': 2500 });
    expect(outcome.countsPartial).toBe(false);
    expect(fragments()).toBe(20);
  });

  it('the first results need no filter data; the counts come when asked for, the same as counted at once', async () => {
    const lazy = fakePagefind(collection(5000));
    const first = await runSearch(lazy.pf, 'board', { pageSize: 20, counts: false });
    expect(first.results).toHaveLength(20);
    expect(lazy.filterChunks()).toBe(false);
    expect(first.counts).toEqual({});
    const later = await first.countFilters();
    expect(lazy.filterChunks()).toBe(true);
    const eager = await runSearch(fakePagefind(collection(5000)).pf, 'board', { pageSize: 20 });
    expect(later).toEqual({ counts: eager.counts, countsPartial: eager.countsPartial });
    expect(later.counts.year).toEqual({ '2015': 2500, '2016': 2500 });
    // Filtered: a chosen year keeps the other open, counted as if it were not chosen.
    const filtered = await runSearch(fakePagefind(collection(5000)).pf, 'merger', { selected: { year: ['2015'] }, counts: false });
    expect((await filtered.countFilters()).counts.year).toEqual({ '2015': 834, '2016': 833 });
  });

  it('a query of several searches counts from its hits, and says so when there are more than it counts', async () => {
    const { pf, fragments } = fakePagefind(collection(5000));
    const outcome = await runSearch(pf, '"board merger" trust', { pageSize: 20 });
    expect(outcome.total).toBe(1667);
    expect(outcome.countsPartial).toBe(true);
    expect(fragments()).toBe(EXACT_COUNTS);
    const few = await runSearch(fakePagefind(collection(30)).pf, '"board merger" trust');
    expect(few.countsPartial).toBe(false);
    expect(few.counts.year).toEqual({ '2015': 5, '2016': 5 });
  });
});

describe('a word to leave out, typed with a minus sign', () => {
  it('leaves out every article that has it, counts only what is left, and says which words it left out', async () => {
    const outcome = await runSearch(fakePagefind(collection(300)).pf, 'board -merger');
    expect(outcome.total).toBe(200);
    const all = await outcome.load(0, outcome.total);
    expect(all.map((r) => r.title).filter((t) => Number(t.slice(1)) % 3 === 0)).toEqual([]);
    // Counted from the hits left, as a query of several searches is: the first EXACT_COUNTS of them, and said so.
    expect(outcome.counts.year).toEqual({ '2015': EXACT_COUNTS / 2, '2016': EXACT_COUNTS / 2 });
    expect(outcome.countsPartial).toBe(true);
    expect(outcome.leftOut).toEqual(['merger']);
  });

  it('a word no article has leaves nothing out, and is not said to be left out', async () => {
    const outcome = await runSearch(fakePagefind(collection(30)).pf, 'board -quagmire');
    expect(outcome.total).toBe(30);
    expect(outcome.leftOut).toEqual([]);
  });
});

describe('words no article has', () => {
  it('are named wherever they stand in a long pasted passage, when the results hold the words before them', async () => {
    const said = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa'.split(' ');
    const pages: FakePage[] = [...collection(50), { id: 'passage', words: said, filters: { year: ['2016'] } }];
    const pagefind = fakePagefind(pages, { prefixFallback: true });
    // The passage's words, one of them misspelt near its end: more words before it than are looked up one by one.
    const outcome = await runSearch(pagefind.pf, [...said.slice(0, 14), 'oscra', 'papa'].join(' '), { counts: false });
    expect(outcome.unmatched).toEqual(['oscra']);
    expect(outcome.checked).toEqual(['oscra']);
  });
});

describe('exact phrases, from the index of adjacent words', () => {
  // Among thousands of pages, a few say "board will review" and one more has its pairs apart.
  const pages = (): FakePage[] => [
    ...collection(3000),
    { id: 'x1', words: ['the', 'board', 'will', 'review', 'it'], filters: { year: ['2015'] } },
    { id: 'x2', words: ['a', 'board', 'will', 'review', 'pay'], filters: { year: ['2016'] } },
    { id: 'x3', words: ['board', 'will', 'review', 'now'], filters: { year: ['2016'] } },
    { id: 'x4', words: ['will', 'review', 'the', 'board', 'will', 'go'], filters: { year: ['2015'] } },
  ];

  it('a specific phrase is answered without Pagefind: its pages’ fragments alone, word for word', async () => {
    const pagefind = fakePagefind(pages());
    const phrases = phraseSourceFor(pages());
    const outcome = await runSearch(pagefind.pf, '“board will review”', { phrases: phrases.source, counts: false });
    expect(outcome.results.map((r) => r.title).sort()).toEqual(['x1', 'x2', 'x3']);
    expect(outcome.total).toBe(3);
    expect(outcome.unmatched).toEqual([]);
    expect(pagefind.searches()).toBe(0);
    expect(pagefind.filterChunks()).toBe(false);
    expect(phrases.fragments()).toBe(4);
  });

  it('its counts are its pages’ own and exact, a facet with a choice counted as if it were not made', async () => {
    const outcome = await runSearch(fakePagefind(pages()).pf, '"board will review"', { phrases: phraseSourceFor(pages()).source, selected: { year: ['2016'] } });
    expect(outcome.results.map((r) => r.title).sort()).toEqual(['x2', 'x3']);
    expect(outcome.total).toBe(2);
    expect(outcome.counts.year).toEqual({ '2015': 1, '2016': 2 });
    expect(outcome.countsPartial).toBe(false);
  });

  it('a phrase of one word, or too common for one page of results, is searched by Pagefind', async () => {
    for (const query of ['"board"', '"board merger"']) {
      const pagefind = fakePagefind(pages());
      const outcome = await runSearch(pagefind.pf, query, { phrases: phraseSourceFor(pages()).source, pageSize: 20 });
      expect(pagefind.searches()).toBeGreaterThan(0);
      expect(outcome.total).toBe((await runSearch(fakePagefind(pages()).pf, query)).total);
    }
  });

  it('an index that cannot be read leaves the search to Pagefind, with the same results', async () => {
    const broken: PhraseSource = { ...phraseSourceFor(pages()).source, fragment: async () => Promise.reject(new Error('network')) };
    const pagefind = fakePagefind(pages());
    const outcome = await runSearch(pagefind.pf, '"board will review"', { phrases: broken });
    expect(pagefind.searches()).toBeGreaterThan(0);
    expect(outcome.total).toBe((await runSearch(fakePagefind(pages()).pf, '"board will review"')).total);
  });

  it('a phrase with loose words, or sorted by date, is searched by Pagefind', async () => {
    for (const [query, sort] of [['"board will review" pay', 'relevance'], ['"board will review"', 'date']] as const) {
      const pagefind = fakePagefind(pages());
      await runSearch(pagefind.pf, query, { phrases: phraseSourceFor(pages()).source, sort });
      expect(pagefind.searches()).toBeGreaterThan(0);
    }
  });
});

describe('a quotation misremembered in both halves', () => {
  const said = 'the genie is well and truly out of the bottle when it comes to unfettered central intervention'.split(' ');
  // Among thousands of pages, one holds the quotation, one most of it, and a third only its start.
  const pages = (): FakePage[] => [
    ...collection(3000),
    { id: 'whole', words: ['so', ...said, 'today'], filters: { year: ['2016'] } },
    { id: 'most', words: [...said.slice(0, 10), 'when', 'it', 'came', 'to', 'central', 'control'], filters: { year: ['2015'] } },
    { id: 'start', words: said.slice(0, 5), filters: { year: ['2016'] } },
  ];
  const misremembered = '“the genie is well and really out of the bottle when it comes to unchecked central intervention”';

  it('finds the pages that hold most of it in order, the closest first, and says so', async () => {
    const outcome = await runSearch(fakePagefind(pages()).pf, misremembered, { phrases: phraseSourceFor(pages()).source });
    expect(outcome.results.map((r) => r.title)).toEqual(['whole', 'most']);
    expect(outcome.relaxed?.near).toBe(true);
    expect(outcome.results[0]!.match).toBe('out of the bottle when it comes to');
    // Said as for the query as typed (its first CHECKED_WORDS words are checked): most likely the words misremembered.
    expect(outcome.unmatched).toContain('really');
  });

  it('puts first, of pages that hold as many of its pairs, the one that has the longest part word for word', async () => {
    const w = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa'.split(' ');
    const at = (...ranges: [number, number][]) => ranges.flatMap(([from, to], i) => [...(i > 0 ? ['stop'] : []), ...w.slice(from, to)]);
    const tied: FakePage[] = [
      ...collection(100),
      // Ten of the pairs each, in pieces: the longest five words, then eight.
      { id: 'pieces', words: at([0, 3], [4, 9], [9, 12], [13, 16]), filters: { year: ['2015'] } },
      { id: 'longest', words: at([4, 12], [13, 16], [0, 2]), filters: { year: ['2016'] } },
    ];
    const misremembered = `“${w.map((word, i) => (i === 3 ? 'changed' : i === 12 ? 'altered' : word)).join(' ')}”`;
    const outcome = await runSearch(fakePagefind(tied).pf, misremembered, { phrases: phraseSourceFor(tied).source });
    expect(outcome.results.map((r) => r.title)).toEqual(['longest', 'pieces']);
  });

  it('keeps to the chosen filters, its counts its pages’ own', async () => {
    const outcome = await runSearch(fakePagefind(pages()).pf, misremembered, { phrases: phraseSourceFor(pages()).source, selected: { year: ['2015'] } });
    expect(outcome.results.map((r) => r.title)).toEqual(['most']);
    expect(outcome.counts.year).toEqual({ '2015': 1, '2016': 1 });
  });

  it('sorted by date, finds the same pages, the newest first', async () => {
    const dates: Record<string, string> = { whole: '2015-03-01', most: '2016-07-01' };
    const dated = pages().map((p) => ({ ...p, ...(dates[p.id] && { date: dates[p.id] }) }));
    const outcome = await runSearch(fakePagefind(dated).pf, misremembered, { phrases: phraseSourceFor(dated).source, sort: 'date' });
    expect(outcome.results.map((r) => r.title)).toEqual(['most', 'whole']);
    expect(outcome.relaxed?.near).toBe(true);
    expect(outcome.results[1]!.match).toBe('out of the bottle when it comes to');
  });

  it('with a filter chosen, finds the closest page it keeps, though a page of closer ones are left out', async () => {
    // A page of results and more hold the quotation whole, all of 2016; the one page of 2015 holds most of it.
    const crowded: FakePage[] = [
      ...collection(100),
      ...Array.from({ length: 25 }, (_, i) => ({ id: `copy${i}`, words: ['so', ...said, 'today'], filters: { year: ['2016'] } })),
      { id: 'most', words: [...said.slice(0, 10), 'when', 'it', 'came', 'to', 'central', 'control'], filters: { year: ['2015'] } },
    ];
    const outcome = await runSearch(fakePagefind(crowded).pf, misremembered, { phrases: phraseSourceFor(crowded).source, selected: { year: ['2015'] }, pageSize: 20 });
    expect(outcome.results.map((r) => r.title)).toEqual(['most']);
    expect(outcome.relaxed?.near).toBe(true);
    expect(outcome.counts.year?.['2015']).toBe(1);
  });

  it('many pages holding it are shown a page at a time, and counted from the closest', async () => {
    // A boilerplate paragraph, misremembered, that more than a page of results repeat.
    const many: FakePage[] = [
      ...collection(100),
      ...Array.from({ length: EXACT_COUNTS + 10 }, (_, i) => ({ id: `copy${i}`, words: ['so', ...said, 'today'], filters: { year: [i % 2 === 0 ? '2015' : '2016'] } })),
    ];
    const phrases = phraseSourceFor(many);
    const outcome = await runSearch(fakePagefind(many).pf, misremembered, { phrases: phrases.source, pageSize: 20, counts: false });
    expect(outcome.total).toBe(EXACT_COUNTS + 10);
    expect(outcome.results).toHaveLength(20);
    expect(phrases.fragments()).toBe(20);
    const next = await outcome.load(20, 20);
    expect(next.map((r) => r.title)).toEqual(many.slice(120, 140).map((p) => p.id));
    const { counts, countsPartial } = await outcome.countFilters();
    expect(counts.year).toEqual({ '2015': EXACT_COUNTS / 2, '2016': EXACT_COUNTS / 2 });
    expect(countsPartial).toBe(true);
  });

  it('is not looked for without the index of adjacent words: nothing is found then, and nothing claimed', async () => {
    const outcome = await runSearch(fakePagefind(pages()).pf, misremembered, {});
    expect(outcome.total).toBe(0);
    expect(outcome.relaxed).toBeUndefined();
  });
});

describe('the original of quoted words', () => {
  it('comes just before the first result that quotes it; otherwise the order is kept', () => {
    const r = (title: string, from?: string) => ({ title, ...(from && { echoes: { from } }) });
    const order = (list: ReturnType<typeof r>[]) => originalsFirst(list).map((x) => x.title);
    expect(order([r('A'), r('Quoting', 'Original'), r('B'), r('Original')])).toEqual(['A', 'Original', 'Quoting', 'B']);
    expect(order([r('Original'), r('Quoting', 'Original')])).toEqual(['Original', 'Quoting']);
    // An original not on the page is not fetched for it.
    expect(order([r('Quoting', 'Elsewhere'), r('B')])).toEqual(['Quoting', 'B']);
  });
});

describe('a filter with many values', () => {
  const values = Array.from({ length: FACET_SHOWN * 3 }, (_, i) => `Person ${String(i).padStart(2, '0')}`);

  it('shows every value when there are no more than FACET_SHOWN', () => {
    const few = values.slice(0, FACET_SHOWN);
    expect([...facetValuesShown(few, {}, new Set())]).toEqual(few);
  });

  it('before the counts are known, shows the first FACET_SHOWN in the order given', () => {
    expect([...facetValuesShown(values, undefined, new Set())]).toEqual(values.slice(0, FACET_SHOWN));
  });

  it('shows the values with the most results, never one with none, ties in the order given', () => {
    const counts = Object.fromEntries(values.map((v, i) => [v, i >= 25 ? 0 : i % 5]));
    const shown = [...facetValuesShown(values, counts, new Set())];
    expect(shown).toHaveLength(FACET_SHOWN);
    expect(shown.every((v) => counts[v]! >= 3)).toBe(true);
    expect(shown.slice(0, 5)).toEqual(['Person 04', 'Person 09', 'Person 14', 'Person 19', 'Person 24']);
    // Fewer than FACET_SHOWN with a result: only those.
    expect([...facetValuesShown(values, { 'Person 07': 2 }, new Set())]).toEqual(['Person 07']);
  });

  it('always shows the values chosen, whatever their counts', () => {
    const counts = Object.fromEntries(values.map((v, i) => [v, i + 1]));
    const shown = facetValuesShown(values, counts, new Set(['Person 00']));
    expect(shown.has('Person 00')).toBe(true);
    expect(shown.size).toBe(FACET_SHOWN);
    expect(shown.has(values.at(-1)!)).toBe(true);
  });
});
