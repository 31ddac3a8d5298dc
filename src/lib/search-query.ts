import { ANY_DOUBLE_QUOTE, foldApostrophes } from './text';

/**
 * What a reader typed or pasted, read the way they meant it. Pagefind runs an
 * exact-phrase search only when the whole query is in straight double quotes;
 * people paste curly quotes, or a phrase with other words. This turns any of
 * those into the Pagefind queries that together give the intended results.
 */
export interface ParsedQuery {
  /** Exact phrases, without their quote marks. */
  phrases: string[];
  /** Loose words outside any quotes. */
  words: string[];
  /** The text outside any quotes as pasted, punctuation and all: a passage pasted without quote marks. */
  passage: string;
  /** Normalised query text, for display and for the URL. */
  text: string;
}

const SINGLE_AROUND = /^[\u2018\u2019']+|[\u2018\u2019']+$/g;

export function parseQuery(raw: string): ParsedQuery {
  // Pagefind reads ' and ’ alike, but not the modifier-letter apostrophe some keyboards type: fold them all.
  const text = foldApostrophes(raw.replace(ANY_DOUBLE_QUOTE, '"')).replace(/\s+/g, ' ').trim();
  const phrases: string[] = [];
  const rest = text.replace(/"([^"]*)"?/g, (_, phrase: string) => {
    const clean = phrase.trim();
    if (clean) phrases.push(clean);
    return ' ';
  });
  const words = rest
    .split(' ')
    .map((w) => w.replace(SINGLE_AROUND, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return { phrases, words, passage: rest.replace(/\s+/g, ' ').trim(), text };
}

/**
 * The runs of the source's own words in a pasted quotation. Pagefind gives
 * a dash or an ellipsis standing alone a position of its own but no word, so
 * a phrase that spans one can never match; and a quoter's ellipsis marks
 * words left out, and their [brackets] words put in. So a phrase is split at
 * each of those, and every run must match: "head on – rather than" searches
 * "head on" and "rather than"; "plans [sic] for … change" searches "plans",
 * "for" and "change".
 */
export function phraseRuns(phrase: string): string[] {
  const runs: string[][] = [[]];
  const tokens = phrase.replace(/\[[^\]]*\]/g, ' … ').split(/\s+/);
  for (const token of tokens) {
    token.split(/\u2026|\.{3,}/).forEach((part, i) => {
      if (i > 0) runs.push([]);
      const word = part.replace(SINGLE_AROUND, '');
      if (/[\p{L}\p{N}]/u.test(word)) runs.at(-1)!.push(word);
      else if (part !== '') runs.push([]);
    });
  }
  return runs.filter((run) => run.length > 0).map((run) => run.join(' '));
}

/** Runs of words, the longest first: the hits of the first are the ones a result lands on, and the longest is the most particular. */
export const longestFirst = (runs: readonly string[]) => [...runs].sort((a, b) => b.split(' ').length - a.split(' ').length);

export const isEmptyQuery = (q: ParsedQuery) => q.phrases.length === 0 && q.words.length === 0;

/** A pasted passage this long is searched as a phrase first, so its source comes first. */
export const PASSAGE_WORDS = 5;

/**
 * The Pagefind searches to run. `all` must each match (each run of each
 * phrase, and the words); `preferred`, when present, are exact-phrase
 * searches that must all match, whose results are put first (a long passage
 * pasted without quotes: its exact source first).
 */
export function pagefindQueries(q: ParsedQuery): { all: string[]; preferred?: string[] } {
  // The longest run first: its hits are the ones a result lands on, and the longest is the most particular.
  const byLength = (runs: string[]) => longestFirst(runs).map((run) => `"${run}"`);
  const all = byLength(q.phrases.flatMap(phraseRuns));
  if (q.words.length > 0) all.push(q.words.join(' '));
  const preferred = q.phrases.length === 0 && q.words.length >= PASSAGE_WORDS ? byLength(phraseRuns(q.passage)) : undefined;
  return preferred ? { all, preferred } : { all };
}

