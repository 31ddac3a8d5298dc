/**
 * The one place that says which characters count as "the same" when two
 * texts are compared: fidelity checks, block ids, search landing, quoted-from
 * matching, text fragments and citations all fold text here. Pure: no Node
 * or DOM imports, so the browser scripts share it.
 *
 * Two strengths of folding:
 * - `normaliseText` folds only quote typography and white space. Block ids
 *   are hashes of it, and block ids are public URLs: this table is frozen.
 *   Widening it would move published permalinks.
 * - `foldForMatching` (and `findLoosely`, `words`) also fold dashes, the
 *   ellipsis, letter case and compatibility forms, for what a reader pastes.
 */

const charClass = (chars: readonly string[]) => new RegExp(`[${chars.join('')}]`, 'g');

/** Typographic single quotes, apostrophes and primes, as a straight apostrophe. */
export const SINGLE_QUOTES = ['\u2018', '\u2019', '\u201A', '\u201B', '\u2032'] as const;
/** Typographic double quotes and double primes, as a straight double quote. */
export const DOUBLE_QUOTES = ['\u201C', '\u201D', '\u201E', '\u201F', '\u2033'] as const;
/** Quote marks that only matching folds (not frozen into block ids). */
const MORE_SINGLE_QUOTES = ['\u02BC', '\u00B4', '\u2039', '\u203A'] as const;
const MORE_DOUBLE_QUOTES = ['\u00AB', '\u00BB', '\u301D', '\u301E'] as const;
/** Every mark a reader may paste as a double quote. */
export const ANY_DOUBLE_QUOTE = charClass([...DOUBLE_QUOTES, ...MORE_DOUBLE_QUOTES]);
/** Hyphens, figure dash, en and em dashes, minus: all read as "-" when matching. */
export const DASHES = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212'] as const;
/** White space a capture may carry: non-breaking, figure, thin, narrow no-break. */
export const SPACES = ['\u00A0', '\u2007', '\u2009', '\u202F'] as const;

const SINGLE = charClass(SINGLE_QUOTES);
const DOUBLE = charClass(DOUBLE_QUOTES);
const WHITESPACE_CLASS = `[\\s${SPACES.join('')}]`;
/**
 * White space that folding changes: a run of two or more, or one character
 * that is not a plain space. Same result as replacing every run, but a lone
 * space (most of them) is left where it is instead of being rewritten, which
 * halves the time of folding a collection's blocks.
 */
const WHITESPACE_TO_FOLD = new RegExp(`${WHITESPACE_CLASS}{2,}|(?! )${WHITESPACE_CLASS}`, 'g');

/**
 * Quote typography and runs of white space folded, trimmed. Frozen: block ids
 * hash this (see above).
 */
export function normaliseText(text: string): string {
  return text.replace(SINGLE, "'").replace(DOUBLE, '"').replace(WHITESPACE_TO_FOLD, ' ').trim();
}

/** Runs of white space as one space, trimmed; nothing else changes. */
export function collapseSpaces(text: string): string {
  return text.replace(WHITESPACE_TO_FOLD, ' ').trim();
}

/** What each character folds to when matching; characters not listed fold to themselves, lower-cased. */
const MATCH_FOLD = new Map<string, string>([
  ...[...SINGLE_QUOTES, ...MORE_SINGLE_QUOTES].map((c) => [c, "'"] as const),
  ...[...DOUBLE_QUOTES, ...MORE_DOUBLE_QUOTES].map((c) => [c, '"'] as const),
  ...DASHES.map((c) => [c, '-'] as const),
  ['\u2026', '...'],
]);

const SPACE = new RegExp(`[\\s${SPACES.join('')}]`);
const isSpace = (ch: string) => SPACE.test(ch);
const ANY_SINGLE_QUOTE = new RegExp(`[${[...SINGLE_QUOTES, ...MORE_SINGLE_QUOTES].join('')}\`]`, 'g');

/**
 * The text as matching sees it, and for each folded character the index of
 * the character it came from, so a match can be mapped back to the source's
 * own characters for highlighting.
 */
export function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (isSpace(ch)) {
      if (lastSpace) continue;
      folded += ' ';
      from.push(i);
      lastSpace = true;
      continue;
    }
    const out = (MATCH_FOLD.get(ch) ?? ch).toLowerCase();
    for (const c of out) {
      folded += c;
      from.push(i);
    }
    lastSpace = false;
  }
  if (folded.endsWith(' ')) {
    folded = folded.slice(0, -1);
    from.pop();
  }
  return { folded, from };
}

/** Quotes, dashes, ellipses, spaces and case folded: equal when a reader would say "the same words". */
export function foldForMatching(text: string): string {
  return foldWithMap(text).folded;
}

/** [start, end) of the first match of `needle` in `haystack`, in haystack's own indices. */
export function findLoosely(haystack: string, needle: string, fromIndex = 0): [number, number] | null {
  const n = foldForMatching(needle);
  if (n === '') return null;
  const h = foldWithMap(haystack);
  const startAt = h.from.findIndex((i) => i >= fromIndex);
  if (startAt === -1) return null;
  const at = h.folded.indexOf(n, startAt);
  if (at === -1) return null;
  return [h.from[at]!, h.from[at + n.length - 1]! + 1];
}

/** Every apostrophe and single quote mark a reader may type or paste, as a straight apostrophe. */
export function foldApostrophes(text: string): string {
  return text.replace(ANY_SINGLE_QUOTE, "'");
}

/**
 * Characters that print as nothing, which text copied from a PDF or a web
 * page carries: the soft hyphen (where a word may break), zero-width spaces
 * and joiners, the word joiner and a stray byte-order mark. Pagefind drops
 * zero-width spaces from its own content likewise.
 */
const INVISIBLE = /[­​‌‍⁠﻿]/g;

/** The text without characters that print as nothing (above). */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * The words of a text, lower-cased, for comparing runs of words: letters and
 * digits, with apostrophes inside a word kept ("don't"); all other
 * punctuation, dashes and quote marks are separators.
 */
export function words(text: string): string[] {
  const folded = text.normalize('NFKC').toLowerCase().replace(ANY_SINGLE_QUOTE, "'");
  // Most prose is ASCII but for its dashes, ellipses and double quotes, all separators: there the
  // Unicode-aware pattern (the slow part, at thousands of articles) finds what the ASCII one does.
  return folded.match(ASCII_PROSE.test(folded) ? ASCII_WORD : WORD) ?? [];
}
const ASCII_PROSE = /^[\x00-\x7F\u00A0\u2013\u2014\u2026\u201C\u201D]*$/;
// A word starts and ends with a letter or digit: apostrophes at its ends are not part of it. One match for each
// word, rather than a split, a trim of each part and a filter of the empty ones: a third less time, and the words
// of every block of a collection are found in every build (lib/quoted-from).
const ASCII_WORD = /[a-z0-9](?:[a-z0-9']*[a-z0-9])?/g;
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}']*[\p{L}\p{N}])?/gu;

/**
 * Splits a paragraph into sentences at ., ? or ! followed by a space and a
 * capital letter or an opening quote, after `normaliseText`. Good enough for
 * prose; joining the parts gives the normalised paragraph back.
 */
export function splitSentences(paragraph: string): string[] {
  const text = normaliseText(paragraph);
  if (text === '') return [];
  return text
    .split(/(?<=[.?!]["']?)\s+(?=["'‘“]?[A-Z0-9])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** Splits prose into sentences without changing a character. */
export function rawSentences(text: string): string[] {
  return text.split(/(?<=[.?!][\u201D\u2019"']?)\s+(?=[\u201C\u2018"']?[A-Z0-9])/).filter((s) => s.trim() !== '');
}

/** The letter an A to Z list files a name under: its first letter, accents and case folded ("Émile" under E); "#" for a name that starts with no letter. */
export function initialLetter(name: string): string {
  const first = [...name.trim().normalize('NFD').replace(/\p{M}/gu, '')][0] ?? '';
  return /\p{L}/u.test(first) ? first.toLocaleUpperCase('en-GB') : '#';
}

const namesCollator = new Intl.Collator('en-GB', { numeric: true });
/**
 * The order of an A to Z list a reader scans (people, organisations, topics, terms, filter values): numbers in a name
 * by their value, so "Region 2" comes before "Region 12", as an index in print has it.
 */
export const compareNames = (a: string, b: string): number => namesCollator.compare(a, b);

/** A count as a sentence says it: "1 article", "5,000 articles" (en-GB digits grouped). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : plural}`;
}

/** Items as a sentence lists them: "a, b and c". */
export function listed(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A phrase made to start a sentence or a label: "press release" → "Press release" (the rest as written). */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
