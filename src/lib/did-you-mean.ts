import { words } from './text';

/**
 * "Did you mean": for a word of a query that no article has, the nearest
 * word the collection does have (edit distance, the most frequent among the
 * nearest), from a vocabulary the build writes in shards by first letter
 * (search/vocabulary/<shard>.json), fetched only when a word matched nothing.
 */
export type Vocabulary = readonly (readonly [word: string, articles: number])[];

/** Every shard a word can fall in (shardOf): the build writes each, empty where no word does, so a search never asks for a file that is not there. */
export const SHARDS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz', '_'];

/** Which shard of the vocabulary holds a word: its first letter, or "_". */
export function shardOf(word: string): string {
  const first = word.normalize('NFKD').charAt(0).toLowerCase();
  return /^[a-z]$/.test(first) ? first : '_';
}

/** The words a vocabulary keeps: at least three letters, no digits (numbers are not misspelt). */
export const isVocabularyWord = (word: string) => word.length >= 3 && /^\p{L}[\p{L}']*$/u.test(word);

/** An article's words for the vocabulary, each once: its title's and its blocks', pull quotes left out (they repeat the body). */
export function articleVocabulary(title: string, blocks: readonly { kind: string; text: string }[]): string[] {
  const text = [title, ...blocks.filter((b) => b.kind !== 'pull-quote').map((b) => b.text)].join(' ');
  return [...new Set(words(text))].filter(isVocabularyWord);
}

/** Each word of a collection, with how many of its articles have it (their articleVocabulary, counted). */
export type WordCounts = Map<string, number>;

/** Counts an article's words into a collection's (by 1), or, for an article gone or changed, out of them (by -1). */
export function countWords(counts: WordCounts, articleWords: readonly string[], by: 1 | -1 = 1): void {
  for (const word of articleWords) {
    const n = (counts.get(word) ?? 0) + by;
    if (n > 0) counts.set(word, n);
    else counts.delete(word);
  }
}

/** The vocabulary: the most frequent words first, words as frequent in the order of a dictionary. */
export function rankedVocabulary(counts: WordCounts): [word: string, articles: number][] {
  // A collator made here, not beside the module: the search page's script imports this module, and would make one for nothing.
  const byWord = new Intl.Collator().compare;
  return [...counts].sort((a, b) => b[1] - a[1] || byWord(a[0], b[0]));
}

/** The vocabulary's shards (shardOf), each in the vocabulary's order. */
export function vocabularyShards(vocabulary: Vocabulary): Map<string, Vocabulary> {
  const shards = new Map<string, (readonly [string, number])[]>();
  for (const entry of vocabulary) {
    const shard = shardOf(entry[0]);
    const list = shards.get(shard) ?? [];
    list.push(entry);
    shards.set(shard, list);
  }
  return shards;
}

/** Edits from a to b (insert, delete, replace, or swap two neighbouring letters: one slip each), or limit + 1 once past it. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
  }
  return d[a.length]![b.length]!;
}

/** The nearest word of the vocabulary: one edit away for short words, two for longer; the most frequent among the nearest. */
export function suggest(word: string, vocabulary: Vocabulary): string | undefined {
  const wanted = word.toLowerCase();
  const limit = wanted.length <= 4 ? 1 : 2;
  let best: { word: string; d: number; n: number } | undefined;
  for (const [candidate, n] of vocabulary) {
    if (candidate === wanted) return undefined;
    const d = editDistance(wanted, candidate, limit);
    if (d > limit) continue;
    if (!best || d < best.d || (d === best.d && n > best.n)) best = { word: candidate, d, n };
  }
  return best?.word;
}

/** The query as typed with each corrected word replaced, its quote marks and other words kept. */
export function correctedQuery(raw: string, corrections: ReadonlyMap<string, string>): string {
  return raw.replace(/[\p{L}\p{N}']+/gu, (word) => corrections.get(word.toLowerCase()) ?? word);
}

/** Endings a word takes in its forms (merger, merging, merged; regulation, regulator), longest first. */
const ENDINGS = ['ations', 'ation', 'ments', 'ment', 'ings', 'ions', 'ing', 'ion', 'ers', 'ies', 'ied', 'er', 'ed', 'es', 'ly', 'al', 'or', 's', 'e', 'y'];

/**
 * Whether a word of a text is a form of a query word: Pagefind matches by
 * stem and, when a word is not in the index at all, falls back to a shorter
 * prefix ("indivdual" finds "in"), so a hit alone does not say the word was
 * found. A form starts with the query word, or with the query word less an
 * ending it has (merger → merg-: merging, merge; regulation → regul-:
 * regulator), a doubled last letter taken as one (planning → plan-: plans), and is not
 * much shorter than it. A misspelling is not a form of the word it misses:
 * "importnt" has no ending to take off, so "important" is not its form, and
 * the reader is told that no article has it.
 */
export function isFormOf(word: string, queryWord: string): boolean {
  return formsOf(queryWord)(word);
}

/** isFormOf for one query word, its stems worked out once: to test every word of a page or of loaded results against it. */
export function formsOf(queryWord: string): (word: string) => boolean {
  const b = queryWord.toLowerCase();
  const stems = stemsOf(b);
  return (word) => {
    const a = word.toLowerCase();
    return a === b || (a.length >= b.length - 3 && stems.some((stem) => a.startsWith(stem)));
  };
}

function stemsOf(word: string): string[] {
  const ending = ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= 3);
  if (!ending) return [word];
  const stem = word.slice(0, -ending.length);
  return /(.)\1$/.test(stem) ? [word, stem, stem.slice(0, -1)] : [word, stem];
}

/** The distinct words of a query to check one by one, lower-cased. */
export function queryWords(raw: string): string[] {
  return [...new Set(words(raw))];
}
