import { groupPages, pageRanges, type GroupOnPage, type PageRange } from '../lib/paging';
import { GLOSSARY_PAGE_SIZE, glossaryTermAnchor } from '../lib/routes';
import { initialLetter } from '../lib/text';
import type { CrossLinks } from './cross-links';

/** One term of the glossary with its uses in the texts (data/cross-links), as a page lists it. */
export type GlossaryEntry = CrossLinks['glossary'][number];

/** The terms the texts abbreviate, under their initial letters; then, as one group, those they always write out. */
export type GlossaryGroup = { kind: 'letter'; letter: string } | { kind: 'unused' };

export interface GlossaryPages {
  pages: GroupOnPage<GlossaryGroup, GlossaryEntry>[][];
  startsOn: Map<GlossaryGroup, number>;
  /** The page each term stands on, by its anchor (lib/routes glossaryTermAnchor). */
  termPages: Map<string, number>;
  /**
   * The first and last abbreviated term of each page that has any, as a
   * dictionary's guide words: in a collection on one subject, most terms
   * may share a letter ("N" for the NHS's bodies), which then spans pages.
   */
  ranges: PageRange[];
}

const cache = new WeakMap<CrossLinks, GlossaryPages>();

/**
 * The glossary's pages, GLOSSARY_PAGE_SIZE terms a page, worked out once per
 * build: a collection from many publishers abbreviates hundreds of bodies and
 * terms, and one page of them all grew by about 870 bytes a term.
 */
export function glossaryPages(x: CrossLinks): GlossaryPages {
  let laid = cache.get(x);
  if (!laid) {
    // The terms come sorted A to Z (content-files/names).
    const letters = new Map<string, GlossaryEntry[]>();
    const unused: GlossaryEntry[] = [];
    for (const entry of x.glossary) {
      if (entry.uses.length === 0) {
        unused.push(entry);
        continue;
      }
      const letter = initialLetter(entry.term.term);
      const list = letters.get(letter);
      if (list) list.push(entry);
      else letters.set(letter, [entry]);
    }
    const groups: { group: GlossaryGroup; items: GlossaryEntry[] }[] = [...letters].map(([letter, items]) => ({ group: { kind: 'letter', letter }, items }));
    if (unused.length > 0) groups.push({ group: { kind: 'unused' }, items: unused });
    const { pages, startsOn } = groupPages(groups, GLOSSARY_PAGE_SIZE);
    const termPages = new Map<string, number>();
    pages.forEach((page, i) => {
      for (const { items } of page) for (const { term } of items) termPages.set(glossaryTermAnchor(term.term), i + 1);
    });
    const ranges = pageRanges(pages, (group, { term }) => (group.kind === 'letter' ? term.term : undefined));
    laid = { pages, startsOn, termPages, ranges };
    cache.set(x, laid);
  }
  return laid;
}
