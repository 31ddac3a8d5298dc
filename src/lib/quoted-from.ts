import { words } from './text';

/**
 * Finds where an article quotes words that stand in another article, by
 * matching text: a run of at least `minWords` words in common, compared
 * after folding quote marks, dashes, case and whitespace. Short common
 * phrases ("the NHS", "in principle") never count.
 */
export interface Passage {
  article: string;
  block: string;
  text: string;
}

/** A block that holds a run of a quotation's words: its place in the blocks given, and the words in a row it shares. */
export interface Match {
  block: number;
  words: number;
}

export const MIN_WORDS = 8;

/** A "Quoted from" or "Quoted in" note names this many articles, the closest, and links to the search for the words for the rest. */
export const QUOTED_LINKS_SHOWN = 3;

/** The other end of a quoted-from link, as a note or a search result orders them. */
export interface LinkedArticle {
  article: string;
  /** Its date (ISO, as precise as known), if any. */
  date: string | undefined;
  /** The words in a row the two share. */
  words: number;
}

/**
 * Most words in common first (a quotation's own source before an article
 * that shares only a stock phrase with it), then the earliest (the
 * original), the undated last, then by slug: the same order on every build.
 */
export function closestFirst(a: LinkedArticle, b: LinkedArticle): number {
  if (a.words !== b.words) return b.words - a.words;
  if (a.date !== b.date) return a.date === undefined ? 1 : b.date === undefined ? -1 : a.date < b.date ? -1 : 1;
  return a.article < b.article ? -1 : a.article > b.article ? 1 : 0;
}

/** The length of the longest run of words the two lists share. */
export function longestCommonRun(a: string[], b: string[]): number {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        current[j] = previous[j - 1]! + 1;
        if (current[j]! > best) best = current[j]!;
      }
    }
    previous = current;
  }
  return best;
}

/**
 * For each quotation (its words, as lib/text `words` gives them, each
 * distinct), the blocks that hold a run of at least `minWords` of them, in
 * the blocks' order, with the words in a row each shares: the block a
 * quotation stands in is among them, and which of them is a source is the
 * caller's to say (lib/quotations). A line that n articles quote is one
 * quotation here, with n blocks, not n × n pairs.
 */
export function matchQuotations(quotations: string[][], blocks: Passage[], minWords = MIN_WORDS): Match[][] {
  // Every word of the quotations gets a number, and every run of minWords words of them (far fewer than the
  // blocks') is indexed by a hash of its numbers. Then each block is read once: a word no quotation has breaks
  // every run through it, and each run left is looked up by its hash, with no text built. Two runs that hash
  // alike only make a pair to compare, and the comparison below decides.
  const numbers = new Map<string, number>();
  const index = new Map<number, number[]>();
  quotations.forEach((list, d) => {
    const numbered = list.map((word) => {
      let n = numbers.get(word);
      if (n === undefined) numbers.set(word, (n = numbers.size));
      return n;
    });
    forEachRun(numbered, minWords, (hash) => {
      const at = index.get(hash);
      if (!at) index.set(hash, [d]);
      else if (at.at(-1) !== d) at.push(d);
    });
  });
  const candidates = quotations.map(() => new Set<number>());
  if (index.size > 0) {
    blocks.forEach((block, b) => {
      const numbered = words(block.text).map((word) => numbers.get(word) ?? -1);
      forEachRun(numbered, minWords, (hash) => {
        for (const d of index.get(hash) ?? []) candidates[d]!.add(b);
      });
    });
  }
  return candidates.map((set, d) =>
    [...set]
      .sort((x, y) => x - y)
      .map((b) => ({ block: b, words: longestCommonRun(quotations[d]!, words(blocks[b]!.text)) }))
      .filter((m) => m.words >= minWords),
  );
}

/** Calls `each` with a hash of every run of `length` numbers in a row with no -1 among them (a word no quotation has). */
function forEachRun(numbers: number[], length: number, each: (hash: number) => void): void {
  let inRow = 0;
  for (let end = 0; end < numbers.length; end++) {
    if (numbers[end]! < 0) inRow = 0;
    else if (++inRow >= length) {
      let hash = 0x811c9dc5;
      for (let k = end - length + 1; k <= end; k++) hash = Math.imul(hash ^ numbers[k]!, 0x01000193);
      each(hash);
    }
  }
}

/**
 * What matchQuotations found, kept to find it again after an edit without
 * reading the whole collection: each article's blocks by a digest of their
 * ids and words, each quotation by a digest of its words, and the matches.
 * A match depends on nothing but the two texts, so the matches of an
 * unchanged quotation in an unchanged article's block stand.
 */
export interface QuotedFromMemo {
  /** Article → digest of its blocks, in order. */
  articles: Record<string, string>;
  /** Digests of the quotations' words. */
  quotations: string[];
  /** Quotation digest, the block's article and id, and the words in a row they share. */
  found: [quotation: string, article: string, block: string, words: number][];
}

/**
 * matchQuotations, the same matches in the same order, reading only what
 * changed since `previous`: every quotation against the blocks of articles
 * whose blocks changed, and new quotations against the other blocks. Where
 * nothing was kept (a first build), the whole collection is read.
 */
export function matchQuotationsAgain(
  quotations: string[][],
  blocks: Passage[],
  digest: (value: string) => string,
  previous?: QuotedFromMemo,
  minWords = MIN_WORDS,
): { matches: Match[][]; memo: QuotedFromMemo } {
  const keys = quotations.map((list) => digest(list.join(' ')));
  const byArticle = new Map<string, Passage[]>();
  for (const b of blocks) {
    const list = byArticle.get(b.article);
    if (list) list.push(b);
    else byArticle.set(b.article, [b]);
  }
  const articles = Object.fromEntries([...byArticle].map(([article, list]) => [article, digest(JSON.stringify(list.map((b) => [b.block, b.text])))]));

  let matches: Match[][];
  if (!previous) matches = matchQuotations(quotations, blocks, minWords);
  else {
    matches = quotations.map(() => []);
    const changed = new Set(Object.keys(articles).filter((a) => previous.articles[a] !== articles[a]));
    const known = new Set(previous.quotations);
    const quotationAt = new Map(keys.map((key, d) => [key, d]));
    const blockAt = new Map(blocks.map((b, i) => [`${b.article}#${b.block}`, i]));
    // Unchanged quotations in unchanged articles' blocks: as found before.
    for (const [quotation, article, block, words] of previous.found) {
      const d = quotationAt.get(quotation);
      if (d !== undefined && articles[article] !== undefined && !changed.has(article)) matches[d]!.push({ block: blockAt.get(`${article}#${block}`)!, words });
    }
    const search = (some: number[], someBlocks: number[]) => {
      if (some.length === 0 || someBlocks.length === 0) return;
      matchQuotations(
        some.map((d) => quotations[d]!),
        someBlocks.map((b) => blocks[b]!),
        minWords,
      ).forEach((found, k) => matches[some[k]!]!.push(...found.map((m) => ({ block: someBlocks[m.block]!, words: m.words }))));
    };
    const all = quotations.map((_, d) => d);
    search(all, blocks.flatMap((b, i) => (changed.has(b.article) ? [i] : [])));
    search(
      all.filter((d) => !known.has(keys[d]!)),
      blocks.flatMap((b, i) => (changed.has(b.article) ? [] : [i])),
    );
    for (const list of matches) list.sort((x, y) => x.block - y.block);
  }
  const memo: QuotedFromMemo = { articles, quotations: keys, found: [] };
  matches.forEach((list, d) => {
    for (const m of list) memo.found.push([keys[d]!, blocks[m.block]!.article, blocks[m.block]!.block, m.words]);
  });
  return { matches, memo };
}
