import { ANY_DOUBLE_QUOTE } from './text';

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
  /** Normalised query text, for display and for the URL. */
  text: string;
}

const SINGLE_AROUND = /^[\u2018\u2019']+|[\u2018\u2019']+$/g;

export function parseQuery(raw: string): ParsedQuery {
  const text = raw.replace(ANY_DOUBLE_QUOTE, '"').replace(/\s+/g, ' ').trim();
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
  return { phrases, words, text };
}

export const isEmptyQuery = (q: ParsedQuery) => q.phrases.length === 0 && q.words.length === 0;

/** A pasted passage this long is searched as a phrase first, so its source comes first. */
export const PASSAGE_WORDS = 5;

/**
 * The Pagefind searches to run. `all` must each match (the phrase and the
 * words); `preferred`, when present, is an exact-phrase search whose results
 * are put first (a long passage pasted without quotes).
 */
export function pagefindQueries(q: ParsedQuery): { all: string[]; preferred?: string } {
  const all = [...q.phrases.map((p) => `"${p}"`)];
  if (q.words.length > 0) all.push(q.words.join(' '));
  const preferred = q.phrases.length === 0 && q.words.length >= PASSAGE_WORDS ? `"${q.words.join(' ')}"` : undefined;
  return preferred ? { all, preferred } : { all };
}

