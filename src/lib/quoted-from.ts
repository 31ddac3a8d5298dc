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

export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w !== '');
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
  // Index every run of minWords words, so each quote is compared only with
  // blocks that share at least one such run.
  const blockWords = blocks.map((b) => words(b.text));
  const index = new Map<string, Set<number>>();
  blockWords.forEach((list, i) => {
    for (let k = 0; k + minWords <= list.length; k++) {
      const key = list.slice(k, k + minWords).join(' ');
      let set = index.get(key);
      if (!set) index.set(key, (set = new Set()));
      set.add(i);
    }
  });
  const found: QuotedFrom[] = [];
  for (const quote of quotes) {
    const list = words(quote.text);
    const candidates = new Set<number>();
    for (let k = 0; k + minWords <= list.length; k++) {
      for (const i of index.get(list.slice(k, k + minWords).join(' ')) ?? []) candidates.add(i);
    }
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const source = blocks[i]!;
      if (source.article === quote.article) continue;
      const run = longestCommonRun(list, blockWords[i]!);
      if (run >= minWords) found.push({ quote, source, words: run });
    }
  }
  return found;
}
