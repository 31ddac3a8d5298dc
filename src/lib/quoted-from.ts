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

export interface QuotedFrom {
  /** The quotation, in the article that quotes. */
  quote: Passage;
  /** The block of another article that holds the same words. */
  source: Passage;
  /** How many words in a row the two share. */
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

export function findQuotedFrom(quotes: Passage[], blocks: Passage[], minWords = MIN_WORDS): QuotedFrom[] {
  // Every word of the quotes gets a number, and every run of minWords words of the quotes (far fewer than
  // blocks) is indexed by a hash of its numbers. Then each block is read once: a word no quote has breaks
  // every run through it, and each run left is looked up by its hash, with no text built. Two runs that
  // hash alike only make a pair to compare, and the comparison below decides.
  // Quotations of the same words (a remark that every report of it quotes) are looked up and compared once:
  // n of them would otherwise make n × n lookups and comparisons, with the same answers.
  const numbers = new Map<string, number>();
  // The words of each distinct quotation, and which of them each quotation is.
  const distinct: string[][] = [];
  const byWords = new Map<string, number>();
  const distinctOf = quotes.map((q) => {
    const list = words(q.text);
    const key = list.join(' ');
    let d = byWords.get(key);
    if (d === undefined) {
      byWords.set(key, (d = distinct.length));
      distinct.push(list);
    }
    return d;
  });
  const index = new Map<number, number[]>();
  distinct.forEach((list, d) => {
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
  // For each distinct quotation, the blocks that share a run with it (an article's own blocks are left out below, per quotation).
  const pairs = new Map<number, Set<number>>();
  if (index.size > 0) {
    blocks.forEach((block, b) => {
      const numbered = words(block.text).map((word) => numbers.get(word) ?? -1);
      forEachRun(numbered, minWords, (hash) => {
        for (const d of index.get(hash) ?? []) {
          let set = pairs.get(d);
          if (!set) pairs.set(d, (set = new Set()));
          set.add(b);
        }
      });
    });
  }
  // The words in a row each distinct quotation shares with each of its blocks, compared once.
  const runs = new Map<number, { b: number; run: number }[]>();
  for (const [d, set] of pairs) {
    runs.set(
      d,
      [...set].sort((x, y) => x - y).map((b) => ({ b, run: longestCommonRun(distinct[d]!, words(blocks[b]!.text)) })),
    );
  }
  const found: QuotedFrom[] = [];
  quotes.forEach((quote, q) => {
    for (const { b, run } of runs.get(distinctOf[q]!) ?? []) {
      const source = blocks[b]!;
      if (source.article !== quote.article && run >= minWords) found.push({ quote, source, words: run });
    }
  });
  return found;
}

/** Calls `each` with a hash of every run of `length` numbers in a row with no -1 among them (a word no quote has). */
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
 * What findQuotedFrom found, kept to find it again after an edit without
 * reading the whole collection: each article's blocks by a digest of their
 * ids and words, each quotation by a digest of where it stands and its words,
 * and the pairs found. A pair depends on nothing but the two texts, so the
 * pairs of an unchanged quotation and an unchanged article's block stand.
 */
export interface QuotedFromMemo {
  /** Article → digest of its blocks, in order. */
  articles: Record<string, string>;
  /** Digests of the quotations. */
  quotes: string[];
  /** Quotation digest, the source's article and block, and the words in a row they share. */
  found: [quote: string, article: string, block: string, words: number][];
}

/**
 * findQuotedFrom, the same pairs in the same order, reading only what
 * changed since `previous`: every quotation against the blocks of articles
 * whose blocks changed, and new quotations against the other blocks. Where
 * nothing was kept (a first build), the whole collection is read.
 */
export function findQuotedFromAgain(
  quotes: Passage[],
  blocks: Passage[],
  digest: (value: string) => string,
  previous?: QuotedFromMemo,
  minWords = MIN_WORDS,
): { found: QuotedFrom[]; memo: QuotedFromMemo } {
  const quoteKeys = quotes.map((q) => digest(`${q.article}#${q.block}\0${q.text}`));
  const byArticle = new Map<string, Passage[]>();
  for (const b of blocks) {
    const list = byArticle.get(b.article);
    if (list) list.push(b);
    else byArticle.set(b.article, [b]);
  }
  const articles = Object.fromEntries([...byArticle].map(([article, list]) => [article, digest(JSON.stringify(list.map((b) => [b.block, b.text])))]));

  let pairs: { q: number; b: number; words: number }[];
  if (!previous) {
    const quoteAt = new Map(quotes.map((q, i) => [q, i]));
    const blockAt = new Map(blocks.map((b, i) => [b, i]));
    pairs = findQuotedFrom(quotes, blocks, minWords).map((f) => ({ q: quoteAt.get(f.quote)!, b: blockAt.get(f.source)!, words: f.words }));
  } else {
    const changed = new Set(Object.keys(articles).filter((a) => previous.articles[a] !== articles[a]));
    const known = new Set(previous.quotes);
    const quoteIndices = new Map<string, number[]>();
    quoteKeys.forEach((key, i) => {
      const list = quoteIndices.get(key);
      if (list) list.push(i);
      else quoteIndices.set(key, [i]);
    });
    const blockAt = new Map(blocks.map((b, i) => [`${b.article}#${b.block}`, i]));
    // Unchanged quotations against unchanged articles' blocks: as found before.
    pairs = previous.found.flatMap(([quote, article, block, words]) =>
      articles[article] !== undefined && !changed.has(article) && known.has(quote) ? (quoteIndices.get(quote) ?? []).map((q) => ({ q, b: blockAt.get(`${article}#${block}`)!, words })) : [],
    );
    const search = (someQuotes: number[], someBlocks: number[]) => {
      if (someQuotes.length === 0 || someBlocks.length === 0) return;
      const quoteAt = new Map(someQuotes.map((i) => [quotes[i]!, i]));
      const blockIndex = new Map(someBlocks.map((i) => [blocks[i]!, i]));
      for (const f of findQuotedFrom([...quoteAt.keys()], [...blockIndex.keys()], minWords)) {
        pairs.push({ q: quoteAt.get(f.quote)!, b: blockIndex.get(f.source)!, words: f.words });
      }
    };
    const all = quotes.map((_, i) => i);
    const inChanged = blocks.flatMap((b, i) => (changed.has(b.article) ? [i] : []));
    const elsewhere = blocks.flatMap((b, i) => (changed.has(b.article) ? [] : [i]));
    search(all, inChanged);
    search(all.filter((i) => !known.has(quoteKeys[i]!)), elsewhere);
    pairs.sort((x, y) => x.q - y.q || x.b - y.b);
  }

  const found = pairs.map(({ q, b, words }) => ({ quote: quotes[q]!, source: blocks[b]!, words }));
  const seen = new Set<string>();
  const memo: QuotedFromMemo = { articles, quotes: [...new Set(quoteKeys)], found: [] };
  for (const { q, b, words } of pairs) {
    const entry: QuotedFromMemo['found'][number] = [quoteKeys[q]!, blocks[b]!.article, blocks[b]!.block, words];
    const key = entry.join('\0');
    if (!seen.has(key)) memo.found.push(entry);
    seen.add(key);
  }
  return { found, memo };
}
