import { describe, expect, it } from 'vitest';
import { runSearch } from '../../src/lib/search-engine';
import { MISREMEMBERED, PASTED_QUOTES } from '../examples/pasted-quotes';
import { builtPhrases } from '../support/built-phrases';
import { loadPagefind } from '../support/pagefind-node';

/* Every pasted quotation of tests/examples/pasted-quotes.ts, against the real Pagefind index in Node. */
describe('pasted quotations find their source, whatever the punctuation (seed articles)', () => {
  it.each(PASTED_QUOTES)('%s: %s', async (_, pasted, slug, block) => {
    const outcome = await runSearch(await loadPagefind(), pasted);
    const first = outcome.results[0];
    expect(first?.href, `no result for ${pasted}`).toMatch(new RegExp(`^/articles/${slug}/\\?highlight=`));
    expect(first?.blockId).toBe(block);
    expect(first?.sentence.some((part) => part.marked)).toBe(true);
  });

  it.each(PASTED_QUOTES)('%s, with the index of adjacent words, as the search page runs it: the same landing', async (_, pasted) => {
    const full = await runSearch(await loadPagefind(), pasted);
    const withPhrases = await runSearch(await loadPagefind(), pasted, { phrases: builtPhrases().source });
    expect(withPhrases.results.slice(0, 3)).toEqual(full.results.slice(0, 3));
  });
});

describe('a quotation misremembered in both halves finds its source by most of its words in order (seed articles)', () => {
  it.each(MISREMEMBERED)('%s: %s', async (_, pasted, slug, block) => {
    const outcome = await runSearch(await loadPagefind(), pasted, { phrases: builtPhrases().source });
    const first = outcome.results[0];
    expect(first?.href, `no result for ${pasted}`).toMatch(new RegExp(`^/articles/${slug}/\\?highlight=`));
    expect(first?.blockId).toBe(block);
    expect(outcome.relaxed?.near).toBe(true);
    // The words marked are a run of the quotation as pasted, word for word.
    const marked = first!.sentence.filter((part) => part.marked);
    expect(marked).toHaveLength(1);
    expect(marked[0]!.text.split(' ').length).toBeGreaterThan(3);
    expect(pasted.toLowerCase()).toContain(marked[0]!.text.toLowerCase().replace(/[.,;:]$/, ''));
  });

  it.each(MISREMEMBERED)('%s, sorted by date or kept to its source’s year: the same source', async (_, pasted, slug, block) => {
    const pagefind = await loadPagefind();
    const closest = (await runSearch(pagefind, pasted, { phrases: builtPhrases().source })).results[0]!;
    for (const options of [{ sort: 'date' as const }, { selected: { year: closest.filters.year ?? [] } }]) {
      const outcome = await runSearch(pagefind, pasted, { phrases: builtPhrases().source, ...options });
      expect(outcome.relaxed?.near, JSON.stringify(options)).toBe(true);
      const source = outcome.results.find((r) => r.href.startsWith(`/articles/${slug}/`));
      expect(source?.blockId, JSON.stringify(options)).toBe(block);
    }
  });
});
