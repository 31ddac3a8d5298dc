import { words } from './text';

/**
 * An index of the pairs of adjacent words in every indexed page, so that a
 * search for an exact phrase downloads a few kilobytes instead of Pagefind's
 * script, WebAssembly, metadata and one word chunk per word of the phrase
 * (about 310 kB for a four-word phrase at 5,000 articles, of which 121 kB
 * before the first word: docs/performance.md).
 *
 * A page is a Pagefind fragment (its words are the fragment's `content`, as
 * Pagefind numbers their positions), and a page's number is its place among
 * the fragments' names in name order. The index is:
 * - a manifest (`PhraseManifest`);
 * - `buckets` files, each holding the pairs whose key (`pairKey`) ends in its
 *   number, as varints: for each key in rising order, the rest of the key
 *   (less the previous one's), how many pages, then the pages (less the
 *   previous page; the first as it is);
 * - the fragments' names, PAGES_PER_FILE to a file.
 *
 * A phrase's pages are those that have every pair of it; the search reads
 * each page's fragment to confirm the phrase and find where it stands
 * (`phraseLocations`), so a key that two pairs share costs a fragment, never
 * a wrong result.
 */

export interface PhraseManifest {
  /** How many bucket files; a power of two. */
  buckets: number;
  pagesPerFile: number;
  pages: number;
  /** How many (key, page) pairs the buckets hold: what their number follows (bucketsFor), for a build that changes a few pages. */
  pairs: number;
  /** A digest of the code that made it: a build may take pages' pairs from a previous index made by the same code. */
  code?: string;
}

export const PAGES_PER_FILE = 500;
/** About this many pairs of (key, page) to a bucket: a few kilobytes each. */
const PAIRS_PER_BUCKET = 1024;
const MIN_BUCKETS = 16;
/** The most buckets a search reads: a pasted paragraph has a hundred pairs, of which a few say where it is. */
const MAX_PAIRS = 6;
/** Page numbers are under this (the packing in buildPhraseIndex). */
const PAGE = 2 ** 20;

const PLAIN = /^["“‘(]?([A-Za-z0-9]+)[.,;:!?"”’)]{0,2}$/;

/** The words of a text, each with the position of the space-separated token it is in (Pagefind's word positions). */
export function positionedWords(content: string): { words: string[]; at: number[] } {
  const out: string[] = [];
  const at: number[] = [];
  const tokens = content.split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    // Most tokens are a plain word, perhaps with a stop or a quote mark; the rest go through the one folding of
    // words for matching (lib/text), which gives the same for these.
    const plain = PLAIN.exec(tokens[i]!);
    if (plain) {
      out.push(plain[1]!.toLowerCase());
      at.push(i);
    } else {
      for (const word of words(tokens[i]!)) {
        out.push(word);
        at.push(i);
      }
    }
  }
  return { words: out, at };
}

/** FNV-1a of a word. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash;
}

/** The key of a pair of words: their hashes mixed (MurmurHash3's finaliser), so that keys spread over the buckets. */
function mixPair(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export const pairKey = (a: string, b: string) => mixPair(wordHash(a), wordHash(b));

/**
 * The keys of the adjacent pairs of words in a text, each once. Two words are adjacent in
 * one token ("joined-up") or in tokens side by side; a token with no word (a
 * dash or an ellipsis standing alone) parts them, as it does in Pagefind's
 * phrase search and in lib/search-query's runs.
 */
export function pairKeysOf(content: string): number[] {
  const { words: w, at } = positionedWords(content);
  const keys = new Set<number>();
  let previous = w.length > 0 ? wordHash(w[0]!) : 0;
  for (let i = 1; i < w.length; i++) {
    const hash = wordHash(w[i]!);
    if (at[i]! - at[i - 1]! <= 1) keys.add(mixPair(previous, hash));
    previous = hash;
  }
  return [...keys];
}

/** The keys a run of words needs, or undefined when it has fewer than two words (the index cannot find one word). */
export function runKeys(run: string): number[] | undefined {
  const w = words(run);
  if (w.length < 2) return undefined;
  return w.slice(1).map((word, i) => pairKey(w[i]!, word));
}

/** The positions of every word of every occurrence of a run in a page's words: [] when it does not occur, undefined for a run with no word. */
function runLocations(pageWords: { words: string[]; at: number[] }, run: string): number[] | undefined {
  const { words: w, at } = pageWords;
  const need = words(run);
  if (need.length === 0) return undefined;
  const found: number[] = [];
  for (let i = 0; i + need.length <= w.length; i++) {
    let k = 0;
    while (k < need.length && w[i + k] === need[k] && (k === 0 || at[i + k]! - at[i + k - 1]! <= 1)) k++;
    if (k === need.length) for (let j = i; j < i + need.length; j++) found.push(at[j]!);
  }
  return found;
}

/**
 * Where the runs of a phrase stand in a page's content: the positions of
 * every word of every occurrence of each run, or undefined when some run
 * does not occur. With `landOn`, only that run's positions (the run a result
 * lands on), still only when every run occurs.
 */
export function phraseLocations(content: string, runs: readonly string[], landOn?: number): number[] | undefined {
  const pageWords = positionedWords(content);
  const perRun = runs.map((run) => runLocations(pageWords, run));
  if (perRun.some((found) => found?.length === 0)) return undefined;
  const chosen = landOn === undefined ? perRun.flatMap((found) => found ?? []) : (perRun[landOn] ?? []);
  return [...new Set(chosen)].sort((a, b) => a - b);
}

export const bucketOf = (key: number, buckets: number) => key & (buckets - 1);

/**
 * The index of pages given as lists of pair keys, in page order: the manifest,
 * and each bucket's bytes. The same pages give the same bytes.
 */
export function buildPhraseIndex(pages: readonly (readonly number[])[]): { manifest: PhraseManifest; buckets: Uint8Array[] } {
  let total = 0;
  for (const keys of pages) total += keys.length;
  const buckets = bucketsFor(total);
  const bucketBits = Math.log2(buckets);
  if (pages.length > PAGE) throw new Error(`The phrase index holds at most ${PAGE} pages, not ${pages.length}.`);
  // (bucket, rest of key, page) as one number that sorts in that order: 32 + 20 bits, within a double's 53.
  const packed = new Float64Array(total);
  let n = 0;
  pages.forEach((keys, page) => {
    for (const key of keys) packed[n++] = (bucketOf(key, buckets) * 2 ** (32 - bucketBits) + (key >>> bucketBits)) * PAGE + page;
  });
  packed.sort();
  // At most 3 bytes a page number (under 2^21), 5 a key's rest and 3 a count: 11 bytes a pair.
  const bytes = new Uint8Array(total * 11);
  let at = 0;
  const varint = (value: number) => {
    while (value >= 0x80) {
      bytes[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    bytes[at++] = value;
  };
  const out: Uint8Array[] = [];
  const restSpan = 2 ** (32 - bucketBits);
  let i = 0;
  for (let bucket = 0; bucket < buckets; bucket++) {
    const begin = at;
    let lastRest = 0;
    while (i < total) {
      const keyPart = Math.floor(packed[i]! / PAGE);
      if (Math.floor(keyPart / restSpan) !== bucket) break;
      const rest = keyPart - bucket * restSpan;
      // The pages of this key, each once: counted first, as the count comes before them.
      let end = i;
      let count = 0;
      let last = -1;
      while (end < total && Math.floor(packed[end]! / PAGE) === keyPart) {
        const page = packed[end]! - keyPart * PAGE;
        if (page !== last) count++;
        last = page;
        end++;
      }
      varint(rest - lastRest);
      lastRest = rest;
      varint(count);
      last = -1;
      for (; i < end; i++) {
        const page = packed[i]! - keyPart * PAGE;
        if (page === last) continue;
        varint(last < 0 ? page : page - last);
        last = page;
      }
    }
    out.push(bytes.slice(begin, at));
  }
  return { manifest: { buckets, pagesPerFile: PAGES_PER_FILE, pages: pages.length, pairs: total }, buckets: out };
}

/** How many buckets an index of this many (key, page) pairs has: a power of two. */
export function bucketsFor(pairs: number): number {
  let buckets = MIN_BUCKETS;
  while (buckets * PAIRS_PER_BUCKET < pairs) buckets *= 2;
  return buckets;
}

/** A page whose keys changed (it kept its number): the keys it no longer has, and those it has now. */
export interface PageChange {
  page: number;
  removed: readonly number[];
  added: readonly number[];
}

/**
 * A bucket of an index with some pages' keys changed, as buildPhraseIndex
 * writes it for the pages as they are now (the same bytes): for a rebuild
 * in which a few pages changed and the rest kept their numbers. The changes
 * given are those of this bucket's keys.
 */
export function changedBucket(bytes: Uint8Array, bucket: number, buckets: number, changes: readonly PageChange[]): Uint8Array {
  const entries = new Map<number, number[]>();
  bucketEntries(bytes, bucket, buckets, (key, pages) => entries.set(key, pages));
  for (const { page, removed, added } of changes) {
    for (const key of removed) {
      const pages = entries.get(key)?.filter((p) => p !== page);
      if (pages?.length) entries.set(key, pages);
      else entries.delete(key);
    }
    for (const key of added) {
      const pages = entries.get(key) ?? [];
      if (!pages.includes(page)) entries.set(key, [...pages, page].sort((a, b) => a - b));
    }
  }
  const out: number[] = [];
  const varint = (value: number) => {
    while (value >= 0x80) {
      out.push((value & 0x7f) | 0x80);
      value = Math.floor(value / 0x80);
    }
    out.push(value);
  };
  let lastRest = 0;
  for (const key of [...entries.keys()].sort((a, b) => a - b)) {
    const rest = (key - bucket) / buckets;
    const pages = entries.get(key)!;
    varint(rest - lastRest);
    lastRest = rest;
    varint(pages.length);
    pages.forEach((page, i) => varint(i === 0 ? page : page - pages[i - 1]!));
  }
  return Uint8Array.from(out);
}

/** Every key a bucket holds, with its pages: the pairs of each page, for a build that reuses them. */
export function bucketEntries(bytes: Uint8Array, bucket: number, buckets: number, visit: (key: number, pages: number[]) => void): void {
  let i = 0;
  const varint = () => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[i++]!;
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
      scale *= 0x80;
    }
  };
  let rest = 0;
  while (i < bytes.length) {
    rest += varint();
    const count = varint();
    const pages: number[] = [];
    let page = 0;
    for (let j = 0; j < count; j++) {
      page = j === 0 ? varint() : page + varint();
      pages.push(page);
    }
    visit(rest * buckets + bucket, pages);
  }
}

/** The pages a bucket lists for a key: [] when it has none. */
export function pagesInBucket(bytes: Uint8Array, key: number, buckets: number): number[] {
  let found: number[] = [];
  bucketEntries(bytes, bucketOf(key, buckets), buckets, (k, pages) => {
    if (k === key) found = pages;
  });
  return found;
}

/** Pages that have every one of the keys, in page order. */
export function pagesWithAll(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return [];
  const [first, ...others] = [...lists].sort((a, b) => a.length - b.length);
  const sets = others.map((l) => new Set(l));
  return first!.filter((page) => sets.every((s) => s.has(page)));
}

/** How the search reads the index's files (fetched in the browser, read from disk in the bench and tests). */
export interface PhraseFiles {
  manifest(): Promise<PhraseManifest>;
  bucket(n: number): Promise<Uint8Array>;
  pageNames(file: number): Promise<string[]>;
}

/**
 * The fragments' names of the pages that have every pair of words of every
 * run, in page order. Undefined when the index cannot narrow the search to
 * `limit` pages: a run of one word (the index holds pairs), or a phrase too
 * common. A page listed may still lack the phrase: `phraseLocations` tells.
 */
export async function phraseCandidates(files: PhraseFiles, runs: readonly string[], limit: number): Promise<string[] | undefined> {
  const perRun = runs.map(runKeys);
  if (perRun.length === 0 || perRun.some((keys) => keys === undefined)) return undefined;
  // A long quotation is particular enough by a few of its pairs, spread along it; the fragments confirm the rest.
  const pages = pagesWithAll(await pagesOfKeys(files, spread([...new Set(perRun.flat() as number[])], MAX_PAIRS)));
  if (pages.length > limit) return undefined;
  return namesOf(files, pages);
}

/** At most `most` of the keys, spread evenly from the first to the last. */
const spread = (all: readonly number[], most: number): number[] =>
  all.length <= most ? [...all] : Array.from({ length: most }, (_, i) => all[Math.round((i * (all.length - 1)) / (most - 1))]!);

/** Each key's pages, from its bucket. */
async function pagesOfKeys(files: PhraseFiles, keys: readonly number[]): Promise<number[][]> {
  const { buckets } = await files.manifest();
  return Promise.all(keys.map(async (key) => pagesInBucket(await files.bucket(bucketOf(key, buckets)), key, buckets)));
}

/** The fragments' names of pages, each file of names read once. */
async function namesOf(files: PhraseFiles, pages: readonly number[]): Promise<string[]> {
  const { pagesPerFile } = await files.manifest();
  const names = new Map<number, Promise<string[]>>();
  for (const page of pages) {
    const file = Math.floor(page / pagesPerFile);
    if (!names.has(file)) names.set(file, files.pageNames(file));
  }
  return Promise.all(pages.map(async (page) => (await names.get(Math.floor(page / pagesPerFile))!)[page % pagesPerFile]!));
}

/** A quotation this long that nothing has word for word is looked for by the share of its pairs a page holds. */
export const NEAR_WORDS = 8;
/** The most pairs of a misremembered quotation looked up, spread along it: one bucket each. */
const NEAR_PAIRS = 24;
/** A page holds at least this share of the pairs looked up to be a near match. */
const NEAR_SHARE = 0.5;
/** The most near matches named: more would read every file of names of a large collection. */
export const NEAR_MOST = 200;

/**
 * The pages that hold most of a quotation's pairs of adjacent words, though
 * not all: the quotation misremembered, a word changed here and there ("the
 * genie is well and really out of the bottle when it comes to central
 * intervention"), or spelt another way ("organization"). Each changed word
 * breaks the two pairs it is in; the rest still say where the quotation
 * stands. The pages holding at least NEAR_SHARE of the pairs looked up, the
 * most first (then in the index's order), at most NEAR_MOST, each with how
 * many it holds, and of how many (`of`); `more` when others hold as many.
 * Undefined for a quotation shorter than NEAR_WORDS.
 */
export async function nearCandidates(
  files: PhraseFiles,
  runs: readonly string[],
): Promise<{ pages: { name: string; held: number }[]; of: number; more: boolean } | undefined> {
  if (runs.flatMap((run) => words(run)).length < NEAR_WORDS) return undefined;
  const keys = spread([...new Set(runs.flatMap((run) => runKeys(run) ?? []))], NEAR_PAIRS);
  const held = new Map<number, number>();
  for (const list of await pagesOfKeys(files, keys)) for (const page of list) held.set(page, (held.get(page) ?? 0) + 1);
  const enough = Math.max(2, Math.ceil(keys.length * NEAR_SHARE));
  const ranked = [...held].filter(([, n]) => n >= enough).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const named = ranked.slice(0, NEAR_MOST);
  const names = await namesOf(files, named.map(([page]) => page));
  return { pages: named.map(([, n], i) => ({ name: names[i]!, held: n })), of: keys.length, more: ranked.length > named.length };
}

/**
 * Where a page holds the longest run of a quotation's words word for word
 * (the words of its runs, each run apart): the positions of that run's
 * words, the earliest of the longest, or [] when no two words of it stand
 * together in the page. What a near match lands on and marks.
 */
export function longestSharedRun(content: string, runs: readonly string[]): number[] {
  const { words: w, at } = positionedWords(content);
  let best: [number, number] = [0, 0];
  for (const run of runs) {
    const need = words(run);
    // previous[j]: how long a shared run ends at the page's word before and the quotation's word j - 1.
    let previous = new Array<number>(need.length + 1).fill(0);
    for (let i = 0; i < w.length; i++) {
      const current = new Array<number>(need.length + 1).fill(0);
      for (let j = 1; j <= need.length; j++) {
        if (w[i] !== need[j - 1]) continue;
        const joined = i > 0 && at[i]! - at[i - 1]! <= 1;
        current[j] = joined ? previous[j - 1]! + 1 : 1;
        if (current[j]! > best[1]) best = [i - current[j]! + 1, current[j]!];
      }
      previous = current;
    }
  }
  const [start, length] = best;
  return length < 2 ? [] : [...new Set(at.slice(start, start + length))];
}
