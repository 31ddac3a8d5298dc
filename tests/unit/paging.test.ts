import { describe, expect, it } from 'vitest';
import { anchorPages, byInitialLetter, itemRanges, groupIndex, groupPages, pageCount, pageItems, pageRanges } from '../../src/lib/paging';

describe('long lists a page at a time', () => {
  it('counts pages, one at least, and gives each page its items', () => {
    expect(pageCount(0, 100)).toBe(1);
    expect(pageCount(100, 100)).toBe(1);
    expect(pageCount(101, 100)).toBe(2);
    expect(pageItems([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageItems([1, 2, 3, 4, 5], 3, 2)).toEqual([5]);
  });

  it('lays groups out a page at a time, a group split across pages marked as continued, each item once', () => {
    const { pages, startsOn } = groupPages(
      [
        { group: 'a', items: [1, 2, 3] },
        { group: 'b', items: [4, 5, 6, 7, 8] },
        { group: 'c', items: [9] },
      ],
      4,
    );
    expect(pages).toEqual([
      [
        { group: 'a', items: [1, 2, 3], continued: false },
        { group: 'b', items: [4], continued: false },
      ],
      [{ group: 'b', items: [5, 6, 7, 8], continued: true }],
      [{ group: 'c', items: [9], continued: false }],
    ]);
    expect([...startsOn]).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('indexes each group with its number of items and the page it starts on, a group split across pages counted whole', () => {
    const laid = groupPages(
      [
        { group: 'a', items: [1, 2, 3] },
        { group: 'b', items: [4, 5, 6, 7, 8] },
        { group: 'c', items: [9] },
      ],
      4,
    );
    expect(groupIndex(laid)).toEqual([
      { group: 'a', count: 3, page: 1 },
      { group: 'b', count: 5, page: 1 },
      { group: 'c', count: 1, page: 3 },
    ]);
  });
});

describe('an index of many names by initial letter', () => {
  it('gives each letter its first entry and how many it stands for, accents folded', () => {
    const entries = ['Abe', 'Ada', 'Émile', 'Eve', 'Zoë', '3rd Sector'].map((label) => ({ label }));
    expect(byInitialLetter(entries).map(({ letter, first, count }) => `${letter}:${first.label}:${count}`)).toEqual(['A:Abe:2', 'E:Émile:2', 'Z:Zoë:1', '#:3rd Sector:1']);
  });
});

describe('guide words for a long list', () => {
  it('names the first and last entry of each page, leaving out the entries given no label and the pages with none', () => {
    const { pages } = groupPages(
      [
        { group: 'N', items: ['NAA', 'NAB', 'NAC', 'NBA', 'NBB'] },
        { group: 'unlabelled', items: ['x', 'y', 'z'] },
      ],
      2,
    );
    expect(pageRanges(pages, (group, item) => (group === 'unlabelled' ? undefined : item))).toEqual([
      { page: 1, first: 'NAA', last: 'NAB' },
      { page: 2, first: 'NAC', last: 'NBA' },
      { page: 3, first: 'NBB', last: 'NBB' },
    ]);
  });
});

describe('where each group of a paged list starts, for a later page to send an old address on', () => {
  it('names each group by its anchor with the page it starts on, a group split over pages by its first', () => {
    const laid = groupPages(
      [
        { group: 'A', items: [1, 2, 3] },
        { group: 'B', items: [4] },
      ],
      2,
    );
    expect(anchorPages(laid.startsOn, (letter) => `letter-${letter.toLowerCase()}`)).toEqual({ 'letter-a': 1, 'letter-b': 2 });
  });
});

describe('guide words for a flat list', () => {
  it('names each page by the first and last label on it, leaving out the items with none', () => {
    expect(itemRanges(['May 2018', 'April 2018', 'April 2018', 'March 2017', undefined], 2, (month) => month)).toEqual([
      { page: 1, first: 'May 2018', last: 'April 2018' },
      { page: 2, first: 'April 2018', last: 'March 2017' },
    ]);
  });
});
