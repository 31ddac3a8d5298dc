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
  // Index every run of minWords words of the quotes (far fewer than blocks),
  // then read each block once, comparing it only with quotes it shares a run with.
  const quoteWords = quotes.map((q) => words(q.text));
  const index = new Map<string, number[]>();
  quoteWords.forEach((list, i) => {
    for (let k = 0; k + minWords <= list.length; k++) {
      const key = list.slice(k, k + minWords).join(' ');
      const at = index.get(key);
      if (!at) index.set(key, [i]);
      else if (at.at(-1) !== i) at.push(i);
    }
  });
  // A run can only start at a word some quote's run starts with: most positions are passed over without building a key.
  const firsts = new Set([...index.keys()].map((key) => key.slice(0, key.indexOf(' '))));
  const pairs = new Map<number, Set<number>>();
  if (index.size > 0) {
    blocks.forEach((block, b) => {
      const list = words(block.text);
      for (let k = 0; k + minWords <= list.length; k++) {
        if (!firsts.has(list[k]!)) continue;
        for (const q of index.get(list.slice(k, k + minWords).join(' ')) ?? []) {
          if (quotes[q]!.article === block.article) continue;
          let set = pairs.get(q);
          if (!set) pairs.set(q, (set = new Set()));
          set.add(b);
        }
      }
    });
  }
  const found: QuotedFrom[] = [];
  quotes.forEach((quote, q) => {
    for (const b of [...(pairs.get(q) ?? [])].sort((x, y) => x - y)) {
      const source = blocks[b]!;
      const run = longestCommonRun(quoteWords[q]!, words(source.text));
      if (run >= minWords) found.push({ quote, source, words: run });
    }
  });
  return found;
}
