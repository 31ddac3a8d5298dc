import { describe, expect, it } from 'vitest';
import type { CrossLinks } from '../../src/data/cross-links';
import { glossaryPages } from '../../src/data/glossary';
import { GLOSSARY_PAGE_SIZE, glossaryTermAnchor } from '../../src/lib/routes';

/** A collection's glossary as data/cross-links derives it: each term, and the blocks that use it (only their number matters here). */
function crossLinks(terms: { term: string; used: boolean }[]): CrossLinks {
  const use = { article: {}, block: 'p-1', text: '', href: '/articles/a/#p-1' };
  return { glossary: terms.map(({ term, used }) => ({ term: { term, expansion: `the ${term}` }, uses: used ? [use] : [] })) } as unknown as CrossLinks;
}

const named = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

describe('the glossary a page at a time', () => {
  it('is one page, the written-out terms last, while it fits', () => {
    const { pages, ranges } = glossaryPages(crossLinks([{ term: 'CQC', used: false }, { term: 'NHS', used: true }]));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.map((g) => g.group)).toEqual([{ kind: 'letter', letter: 'N' }, { kind: 'unused' }]);
    expect(ranges).toEqual([{ page: 1, first: 'NHS', last: 'NHS' }]);
  });

  it('runs on under initial letters, and says the first and last term of each page when one letter spans several', () => {
    const used = named('N', 2 * GLOSSARY_PAGE_SIZE + 10);
    const unused = named('A', 3);
    const laid = glossaryPages(crossLinks([...unused.map((term) => ({ term, used: false })), ...used.map((term) => ({ term, used: true }))]));
    expect(laid.pages).toHaveLength(3);
    expect(laid.ranges).toEqual([
      { page: 1, first: used[0], last: used[GLOSSARY_PAGE_SIZE - 1] },
      { page: 2, first: used[GLOSSARY_PAGE_SIZE], last: used[2 * GLOSSARY_PAGE_SIZE - 1] },
      { page: 3, first: used[2 * GLOSSARY_PAGE_SIZE], last: used.at(-1) },
    ]);
    // Every term on exactly one page, and the page each is on known by its address.
    const onPages = laid.pages.flatMap((page, i) => page.flatMap((g) => g.items.map((e) => [glossaryTermAnchor(e.term.term), i + 1] as const)));
    expect(onPages).toHaveLength(used.length + unused.length);
    expect(new Map(onPages)).toEqual(laid.termPages);
    // The written-out terms after every abbreviated one, as a group of their own.
    expect(laid.pages[2]!.at(-1)).toMatchObject({ group: { kind: 'unused' }, continued: false });
    expect(laid.pages[2]!.at(-1)!.items.map((e) => e.term.term)).toEqual(unused);
    expect(laid.pages[1]![0]).toMatchObject({ group: { kind: 'letter', letter: 'N' }, continued: true });
  });
});
