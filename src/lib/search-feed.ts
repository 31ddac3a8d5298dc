/**
 * The search index reads the article pages in batches while the pages are
 * still being written (integrations/search-index), on the core the
 * rendering leaves idle, instead of all of them once the last is written.
 *
 * Pagefind numbers pages in the order it is given them, so the order must
 * not depend on when a page was written: every build gives the same batches
 * of the same names (FEED_BATCH names each, in name order), and a batch is
 * given only once all its pages are written and every batch before it has
 * been given. The article route renders its pages in name order and says
 * which page it is at (data/search-feed), which tells the index that every
 * page before it is written. The route and the integration share this state
 * on a global, since Astro runs the pages from a bundle of their own.
 */

export const SEARCH_FEED = Symbol.for('policy-reader:search-feed');

/** Names in a batch: small enough that reading a batch keeps pace with rendering, large enough that a batch costs little more than its pages. */
export const FEED_BATCH = 250;

export interface ExpectedPage {
  /** The page's folder under /articles/: the article's slug. */
  name: string;
  /** Rendered by this build; otherwise copied from the previous build (lib/page-reuse), whose page the index reads. */
  rendered: boolean;
}

export interface SearchFeed {
  /** Every article page of the site, once the article route has listed them. */
  expect(pages: ExpectedPage[]): void;
  /** The article route is rendering this page: every page it rendered before is written. */
  rendering(name: string): void;
}

export function searchFeed(): SearchFeed | undefined {
  return (globalThis as Record<symbol, SearchFeed | undefined>)[SEARCH_FEED];
}

export function setSearchFeed(feed: SearchFeed | undefined): void {
  (globalThis as Record<symbol, SearchFeed | undefined>)[SEARCH_FEED] = feed;
}

/** The order of page names the index is given: by UTF-16 code units, as Array.prototype.sort orders strings. */
export const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Consecutive batches of at most `size` items. */
export function batchesOf<T>(items: readonly T[], size = FEED_BATCH): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
