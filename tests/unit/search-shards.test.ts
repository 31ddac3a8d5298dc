import { describe, expect, it } from 'vitest';
import { pagefindChunkUrl, pagefindFragmentUrl, pagefindMetaUrl } from '../../src/lib/routes';
import { DATE_SORT_META, fragmentId, indexChunkSize, inShardOrder, isShardFolder, MOST_SEARCH_SHARDS, pageMonth, planShards, shardCount, shardFolder, shardFragmentName, type ShardPage } from '../../src/lib/search-shards';

/** `n` pages dated in `month`, named after it. */
const inMonth = (month: string, n: number): ShardPage[] => Array.from({ length: n }, (_, i) => ({ page: `articles/${month}-${String(i).padStart(3, '0')}/index.html`, month }));

describe('how many shards a collection’s search index is cut into', () => {
  it('is one for a collection of up to a shard’s pages, so a small site has a plain Pagefind index', () => {
    expect(shardCount(1, 100)).toBe(1);
    expect(shardCount(100, 100)).toBe(1);
  });

  it('grows with the collection, a shard’s pages at most each, up to the most shards', () => {
    expect(shardCount(101, 100)).toBe(2);
    expect(shardCount(400, 100)).toBe(4);
    expect(shardCount(100 * (MOST_SEARCH_SHARDS + 5), 100)).toBe(MOST_SEARCH_SHARDS);
  });

  it('cuts word chunks smaller as the shards grow in number, and leaves one index’s to Pagefind', () => {
    expect(indexChunkSize(1)).toBeUndefined();
    expect(indexChunkSize(2)!).toBeGreaterThan(indexChunkSize(4)!);
    expect(indexChunkSize(MOST_SEARCH_SHARDS)!).toBeGreaterThan(0);
  });
});

describe('the shards of a collection', () => {
  const months = ['2015-11', '2016-01', '2016-02', '2016-05', '2017-03', '2017-04', '2018-01', '2018-12'];
  const pages = months.flatMap((month) => inMonth(month, 10));

  it('hold consecutive months, oldest first, no month in two shards, every page once', () => {
    const shards = planShards(pages, 4);
    expect(shards.length).toBe(4);
    expect(shards.flatMap((s) => s.pages).sort()).toEqual(pages.map((p) => p.page).sort());
    for (let i = 1; i < shards.length; i++) expect(shards[i]!.from > shards[i - 1]!.to).toBe(true);
    const monthOf = new Map(pages.map((p) => [p.page, p.month]));
    for (const shard of shards) for (const page of shard.pages) expect(monthOf.get(page)! >= shard.from && monthOf.get(page)! <= shard.to).toBe(true);
  });

  it('are about equal in size where the months allow', () => {
    expect(planShards(pages, 4).map((s) => s.pages.length)).toEqual([20, 20, 20, 20]);
  });

  it('are the same whatever order the pages come in, each listing its pages by name', () => {
    const shards = planShards([...pages].reverse(), 4);
    expect(shards).toEqual(planShards(pages, 4));
    for (const shard of shards) expect(shard.pages).toEqual([...shard.pages].sort());
  });

  it('keep every other shard as it was when pages are added to one month', () => {
    const before = planShards(pages, 4);
    const after = planShards([...pages, ...inMonth('2018-12', 2).map((p) => ({ ...p, page: p.page.replace('2018-12', '2018-12-added') }))], 4);
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
  });

  it('are fewer when one month holds more than a shard’s share, which is never cut', () => {
    const shards = planShards([...inMonth('2016-01', 5), ...inMonth('2016-02', 70), ...inMonth('2016-03', 5)], 4);
    expect(shards.length).toBeLessThan(4);
    expect(shards.filter((s) => s.from <= '2016-02' && s.to >= '2016-02').length).toBe(1);
  });

  it('are named by their place: the first is Pagefind’s own folder', () => {
    expect(planShards(pages, 4).map((s) => s.folder)).toEqual([shardFolder(0), shardFolder(1), shardFolder(2), shardFolder(3)]);
    expect(shardFolder(0)).toBe('');
    expect(planShards([], 4)).toEqual([]);
  });
});

describe('a page’s month, as the index is cut by it', () => {
  it('is read from the date the page is sorted by', () => {
    expect(pageMonth(`<head><meta name="${DATE_SORT_META}" data-pagefind-sort="date[content]" content="2016-04-30"></head>`)).toBe('2016-04');
  });

  it('is empty for a page with no such date', () => {
    expect(pageMonth('<head><meta name="description" content="2016-04-30"></head>')).toBe('');
  });
});

describe('results merged from several shards and sorted by date', () => {
  // Pagefind merges by score, and a result sorted by date is scored by its place in its own shard.
  const merged = [
    { id: 'a1', shard: 0 },
    { id: 'c1', shard: 2 },
    { id: 'b1', shard: 1 },
    { id: 'a2', shard: 0 },
    { id: 'c2', shard: 2 },
  ];
  const shardOf = (id: string) => merged.find((r) => r.id === id)!.shard;

  it('come newest shard first, each shard’s results in Pagefind’s order', () => {
    expect(inShardOrder(merged, shardOf).map((r) => r.id)).toEqual(['c1', 'c2', 'b1', 'a1', 'a2']);
  });

  it('come oldest shard first when sorted oldest first', () => {
    expect(inShardOrder(merged, shardOf, false).map((r) => r.id)).toEqual(['a1', 'a2', 'b1', 'c1', 'c2']);
  });
});

describe('the files of a shard', () => {
  it('are under its folder in Pagefind’s, and a fragment named with its shard is found there', () => {
    const name = shardFragmentName(shardFolder(2), 'en_0123abc');
    expect(pagefindFragmentUrl(name)).toBe('/pagefind/shard-2/fragment/en_0123abc.pf_fragment');
    expect(fragmentId(name)).toBe('en_0123abc');
    expect(pagefindFragmentUrl(shardFragmentName(shardFolder(0), 'en_0123abc'))).toBe('/pagefind/fragment/en_0123abc.pf_fragment');
    expect(pagefindChunkUrl('en_1', shardFolder(1))).toBe('/pagefind/shard-1/index/en_1.pf_index');
    expect(pagefindMetaUrl('pagefind.en_1.pf_meta', shardFolder(1))).toBe('/pagefind/shard-1/pagefind.en_1.pf_meta');
  });

  it('are told apart from the first shard’s own files and folders, in the folder they share', () => {
    for (let n = 1; n < MOST_SEARCH_SHARDS; n++) expect(isShardFolder(shardFolder(n).replace(/\/$/, ''))).toBe(true);
    for (const name of ['fragment', 'index', 'filter', 'pagefind.js', 'shard-0', 'shard-x']) expect(isShardFolder(name)).toBe(false);
  });
});
