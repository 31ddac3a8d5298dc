/**
 * The search index in shards: a large collection is indexed as several
 * Pagefind indexes, each of the articles of a run of months, which the
 * search page merges (Pagefind's mergeIndex). A rebuild after an edit then
 * indexes again only the shard of the articles whose pages changed, not the
 * whole collection (docs/performance.md, twentieth entry).
 *
 * Shards hold consecutive months so that results sorted by date stay exact:
 * Pagefind sorts each index's results itself, and two shards never share a
 * month, so the newest shard's results come first, each shard's in its own
 * order (inShardOrder). Each shard is cut into word chunks of a size that
 * falls with the number of shards (indexChunkSize), so that a word costs a
 * reader about what one index's chunk would.
 */

/**
 * Up to this many pages a shard, the shards being as few as that allows: at 850, 5,000 articles are six shards.
 * A paragraph's edit indexes its shard again, so the shard's size is most of what the search index adds to a
 * rebuild (2.7-3.7 s for six shards at 5,000 articles, 4.0-4.4 s for four); each shard is one more metadata file
 * for a reader's first search (the bench's two-word search 288.5 kB against 280.1 kB, of the 300 kB allowed; eight
 * shards went over: docs/performance.md, fifty-sixth and fifty-seventh entries).
 */
export const SEARCH_SHARD_PAGES = 850;

/** At most this many shards: each is one more metadata file and one more word chunk a word for a reader's first search. */
export const MOST_SEARCH_SHARDS = 8;

/** How many shards a collection of `pages` article pages is indexed as, `perShard` pages each at most (up to `most`). */
export function shardCount(pages: number, perShard: number = SEARCH_SHARD_PAGES, most: number = MOST_SEARCH_SHARDS): number {
  return Math.max(1, Math.min(most, Math.ceil(pages / Math.max(1, perShard))));
}

/**
 * Pagefind cuts a word index into chunks of about 20,000 entries (its own
 * constant), so a shard of a quarter of the pages would make a reader fetch,
 * for each word, a chunk per shard as large as one index's: four times the
 * bytes. Chunks of 12,000 ÷ shards entries keep a first search within the
 * bytes one index took (docs/performance.md: 241 and 279 kB at 5,000
 * articles in four shards, against 224 and 286 kB in one). Undefined for one
 * shard: Pagefind's own size.
 */
export function indexChunkSize(shards: number): number | undefined {
  return shards > 1 ? Math.round(12_000 / shards) : undefined;
}

/** A shard's folder, under Pagefind's: the first (oldest) shard is Pagefind's folder itself, so one shard is a plain Pagefind index. */
export const shardFolder = (n: number): string => (n === 0 ? '' : `shard-${n}/`);

/** Whether an entry of Pagefind's own folder is a later shard's folder (shardFolder), not a file of the first shard's index. */
export const isShardFolder = (name: string): boolean => /^shard-[1-9]\d*$/.test(name);

/** The name of the `<meta>` whose content is an article page's date to sort by ("2016-04-01", "0000-00-00" for none): components/SearchMeta writes it. */
export const DATE_SORT_META = 'search-sort:date';

/** The date to sort by of an article without one: before every dated article. */
export const UNDATED_SORT_DATE = '0000-00-00';

/** The month of an article's date to sort by, as its page's DATE_SORT_META says it (pageMonth), from the date's sort key (lib/article-dates' articleDateKey). */
export const sortMonth = (dateKey: string | undefined): string => (dateKey ?? UNDATED_SORT_DATE).slice(0, 7);

/** The month ("2016-04") of a page's date to sort by, from its HTML (its head is enough); "" if it has none. */
export function pageMonth(html: string): string {
  const tag = new RegExp(`<meta name="${DATE_SORT_META}"[^>]*\\scontent="(\\d{4}-\\d{2})`).exec(html);
  return tag?.[1] ?? '';
}

/** One page to index: its file (as Pagefind is given it) and its month ("2016-04"; "" for a page without a date). */
export interface ShardPage {
  page: string;
  month: string;
}

/** A shard: its folder (shardFolder), its pages in name order, and its first and last months. */
export interface Shard {
  folder: string;
  pages: string[];
  from: string;
  to: string;
}

/**
 * The shards of a collection, oldest first. A month goes wholly to the shard
 * where the middle of its pages falls, when the pages are ordered by month:
 * shards of about equal size, cut where months end, and the same for the
 * same months whatever else changed (an edit that moves no date keeps every
 * page in its shard). A month larger than a shard leaves fewer shards.
 */
export function planShards(pages: readonly ShardPage[], count: number): Shard[] {
  const byMonth = new Map<string, string[]>();
  for (const { page, month } of pages) byMonth.set(month, [...(byMonth.get(month) ?? []), page]);
  const months = [...byMonth.keys()].sort();
  const shards: { pages: string[]; from: string; to: string }[] = [];
  let before = 0;
  let last = -1;
  for (const month of months) {
    const inMonth = byMonth.get(month)!;
    const n = Math.min(count - 1, Math.floor((count * (before + inMonth.length / 2)) / pages.length));
    if (n !== last) shards.push({ pages: [], from: month, to: month });
    last = n;
    const shard = shards[shards.length - 1]!;
    shard.pages.push(...inMonth);
    shard.to = month;
    before += inMonth.length;
  }
  return shards.map((s, i) => ({ ...s, pages: s.pages.sort(), folder: shardFolder(i) }));
}

/** What the search page reads first (routes searchShardsUrl): each shard's folder and the hash its entry file names its index by, oldest first. */
export interface ShardsManifest {
  shards: { folder: string; index: string }[];
}

/**
 * Results merged from several shards, in date order: Pagefind scores a
 * result sorted by date by its place in its own shard, so the merged list is
 * put in order of shards, newest first (or oldest, `newestFirst` false),
 * each shard's results in the order Pagefind gave them. `shardOf`: a
 * result's shard by its id (oldest 0), from the shards' metadata.
 */
export function inShardOrder<T extends { id: string }>(results: readonly T[], shardOf: (id: string) => number, newestFirst = true): T[] {
  const rank = (r: T) => (newestFirst ? -1 : 1) * shardOf(r.id);
  return results
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map(({ r }) => r);
}

/** A name of the index of adjacent words (lib/phrase-index) for a fragment of a shard: the shard's folder and the fragment's own name. */
export const shardFragmentName = (folder: string, fragment: string): string => `${folder}${fragment}`;

/** A fragment's own name (Pagefind's result id), from a name shardFragmentName gave. */
export const fragmentId = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
