import { initialLetter } from './text';

/**
 * Long lists a page at a time: a collection of thousands never puts all of
 * its articles or quotations on one page. Pure; the pages pick a size and a
 * URL for page n (lib/routes).
 */

/** How many pages `count` items make, at least one (an empty list is one empty page). */
export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/** The items of page `page` (from 1). */
export function pageItems<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

export interface GroupOnPage<G, T> {
  group: G;
  items: T[];
  /** The group began on an earlier page. */
  continued: boolean;
}

/**
 * Groups of items (quotations by speaker) laid out a page at a time: each
 * page holds `size` items, a group split across pages appears on each, marked
 * as continued after its first; and the page each group starts on.
 */
export function groupPages<G, T>(groups: readonly { group: G; items: readonly T[] }[], size: number): { pages: GroupOnPage<G, T>[][]; startsOn: Map<G, number> } {
  const pages: GroupOnPage<G, T>[][] = [[]];
  const startsOn = new Map<G, number>();
  let room = size;
  for (const { group, items } of groups) {
    let at = 0;
    while (at < items.length) {
      if (room === 0) {
        pages.push([]);
        room = size;
      }
      const take = items.slice(at, at + room);
      if (!startsOn.has(group)) startsOn.set(group, pages.length);
      pages.at(-1)!.push({ group, items: take, continued: at > 0 });
      at += take.length;
      room -= take.length;
    }
  }
  return { pages, startsOn };
}

/** Each group with its number of items and the page it starts on, for an index on the first page, counted in one pass over the pages. */
export function groupIndex<G, T>(laid: { pages: GroupOnPage<G, T>[][]; startsOn: Map<G, number> }): { group: G; count: number; page: number }[] {
  const counts = new Map<G, number>();
  for (const page of laid.pages) for (const { group, items } of page) counts.set(group, (counts.get(group) ?? 0) + items.length);
  return [...laid.startsOn].map(([group, page]) => ({ group, page, count: counts.get(group) ?? 0 }));
}

/**
 * An index of more groups than this (the quotes' speakers, in a collection
 * that quotes thousands of people) lists their initial letters instead: at
 * about 120 bytes a speaker, 2,000 speakers made the quotes' first page 250 kB.
 */
export const GROUP_INDEX_LIMIT = 100;

/**
 * Entries sorted by label, gathered under their initial letters (lib/text
 * initialLetter): each letter at its first entry, with how many it stands
 * for. A letter that comes again after another (out of order) is listed again.
 */
export function byInitialLetter<E extends { label: string }>(entries: readonly E[]): { letter: string; first: E; count: number }[] {
  const letters: { letter: string; first: E; count: number }[] = [];
  for (const entry of entries) {
    const letter = initialLetter(entry.label);
    const last = letters.at(-1);
    if (last?.letter === letter) last.count++;
    else letters.push({ letter, first: entry, count: 1 });
  }
  return letters;
}

/** A page of a long list by its first and last entry (guide words). */
export interface PageRange {
  page: number;
  first: string;
  last: string;
}

/**
 * The first and last label on each page of groups laid out by groupPages, as
 * a dictionary's guide words: where most entries share an initial letter
 * (the NHS's bodies under N), a letter's link alone cannot say which of its
 * pages holds an entry. `labelOf` leaves an entry out by giving no label;
 * a page with no labelled entry has no range.
 */
export function pageRanges<G, T>(pages: readonly GroupOnPage<G, T>[][], labelOf: (group: G, item: T) => string | undefined): PageRange[] {
  const ranges: PageRange[] = [];
  pages.forEach((groups, i) => {
    const labels = groups.flatMap(({ group, items }) => items.flatMap((item) => labelOf(group, item) ?? []));
    if (labels.length > 0) ranges.push({ page: i + 1, first: labels[0]!, last: labels.at(-1)! });
  });
  return ranges;
}

/** A section of a person's, organisation's or topic's page lists the newest this many; the rest are a search away. */
export const SECTION_SIZE = 20;

/**
 * The glossary names each term's newest this many uses: a page's length is
 * its terms × this (at twenty, 300 terms used widely made a page of 620 kB
 * when the glossary was one page); the rest are a search away.
 */
export const GLOSSARY_USES_SHOWN = 5;

/**
 * Where each group of a paged list starts, by its anchor ({ "letter-a": 3 }):
 * the file a later page's script reads to send an address of a group that
 * entries added before it have moved to where it stands now.
 */
export function anchorPages<G>(startsOn: ReadonlyMap<G, number>, anchorOf: (group: G) => string): Record<string, number> {
  return Object.fromEntries([...startsOn].map(([group, page]) => [anchorOf(group), page]));
}

/** Guide words for a flat list a page at a time (the articles, newest first): each page's first and last label. */
export function itemRanges<T>(items: readonly T[], size: number, labelOf: (item: T) => string | undefined): PageRange[] {
  const pages = Array.from({ length: pageCount(items.length, size) }, (_, i) => [{ group: undefined, items: pageItems(items, i + 1, size), continued: false }]);
  return pageRanges(pages, (_, item) => labelOf(item));
}
