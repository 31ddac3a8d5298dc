import { ANY_DOUBLE_QUOTE, foldApostrophes, withoutInvisibles } from './text';

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
  /** Words to leave out, each typed with a minus sign before it ("leadership -finance"): articles that have them are not results. */
  excluded: string[];
  /** Normalised query text, without the words to leave out. */
  text: string;
}

/** A word with a minus sign before it, outside quote marks ("-finance"; not "joined-up", a dash standing alone, nor "-5"). */
const EXCLUDED_WORD = /(^|\s)-(\p{L}[^\s"]*)/gu;

const SINGLE_AROUND = /^[\u2018\u2019']+|[\u2018\u2019']+$/g;

/** A word broken at a line's end by a hyphen, as PDFs print it: "unman-⏎ageable". */
const BROKEN_AT_LINE_END = /(\p{L})-[^\S\n]*\r?\n\s*(?=\p{Ll})/gu;
/**
 * Footnote markers: superscript digits, or a number glued to a word of three
 * letters or more after its punctuation ("bottle.12", "bottle”12"), which
 * leaves "No.10" alone.
 */
const SUPERSCRIPT_DIGITS = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+/g;
const GLUED_NOTE_NUMBER = /(\p{L}{3}[.,;:!?)\]"'\u2019]+)\d{1,3}(?=[\s"'\u2019]|$)/gu;
/**
 * A citation or a quoter's note in parentheses or brackets just after a
 * closing quote mark, with a year, a page or an editor's words: "…" (Smith,
 * 2016, p. 3), "…" [p. 3], "…" (emphasis added).
 */
const CITATION_AFTER_QUOTE = /(")\s*(?:\(([^()]*)\)|\[([^[\]]*)\])/g;
const CITES = /\b(1[5-9]|20)\d\d\b|\bpp?\.\s*\d|\b(emphasis|italics|sic|original|added|footnotes? omitted|citations? omitted)\b/i;

/**
 * Words broken by a hyphen at a line's end joined again. The search page
 * does this as text is pasted too: a single-line box turns the line breaks
 * into spaces, and "unman- ageable" could be "pre- and post-war".
 */
export function joinWordsBrokenAtLineEnds(text: string): string {
  return text.replace(BROKEN_AT_LINE_END, '$1');
}

/**
 * What a reader pasted with the marks of where it came from taken off: the
 * characters a PDF or a page carries that print as nothing, a word broken at
 * a line's end (joined: Pagefind indexes "re-thinking" as "rethinking" too),
 * footnote markers, and a citation or a note after the closing quote mark
 * (else its author, year and page would have to be in the same article).
 */
function withoutPasteMarks(raw: string): string {
  return joinWordsBrokenAtLineEnds(withoutInvisibles(raw))
    .replace(SUPERSCRIPT_DIGITS, '')
    .replace(ANY_DOUBLE_QUOTE, '"')
    .replace(GLUED_NOTE_NUMBER, '$1')
    .replace(CITATION_AFTER_QUOTE, (whole, quote: string, inParentheses: string | undefined, inBrackets: string | undefined, at: number, text: string) => {
      // A closing quote mark: an even count of them up to it. An opening one begins the quotation's own words: “(In 2016) the…”.
      const closing = (text.slice(0, at + 1).match(/"/g)?.length ?? 0) % 2 === 0;
      return closing && CITES.test(inParentheses ?? inBrackets ?? '') ? `${quote} ` : whole;
    });
}

export function parseQuery(raw: string): ParsedQuery {
  // Pagefind reads ' and ’ alike, but not the modifier-letter apostrophe some keyboards type: fold them all.
  const typed = foldApostrophes(withoutPasteMarks(raw)).replace(/\s+/g, ' ').trim();
  // Split at quote marks: the quoted parts (odd places, an unclosed one to the end) are phrases, kept whole.
  const parts = typed.split(/("[^"]*"?)/);
  const excluded: string[] = [];
  const outside = (part: string) =>
    part.replace(EXCLUDED_WORD, (_, before: string, word: string) => {
      excluded.push(word.replace(/[^\p{L}\p{N}]+$/u, '').toLowerCase());
      return before;
    });
  const kept = parts.map((part, i) => (i % 2 === 1 ? part : outside(part)));
  const phrases = kept.filter((_, i) => i % 2 === 1).map((part) => part.slice(1).replace(/"$/, '').trim()).filter(Boolean);
  const rest = kept.map((part, i) => (i % 2 === 1 ? ' ' : part)).join('');
  const text = kept.join('').replace(/\s+/g, ' ').trim();
  const words = rest
    .split(' ')
    .map((w) => w.replace(SINGLE_AROUND, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return { phrases, words, passage: rest.replace(/\s+/g, ' ').trim(), excluded, text };
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

/** A quotation this long may lose its first and last words when nothing has it whole (see relaxedQueries). */
export const CLIPPED_WORDS = 5;

/** A looser form of a query that found nothing, and what it leaves out, for the reader to be told. */
export interface Relaxed {
  /** The query to search instead. */
  text: string;
  /** The words outside quote marks, left out: nothing has them with the quotation ("…," said the report). */
  withoutWords?: string[];
  /** Each quotation without its first and last words, which a selection may have cut mid-word. */
  withoutEdges?: boolean;
  /** The quotations' words, not as a passage: a quotation misremembered, a word left out or put in. */
  wordsOnly?: boolean;
  /** Half of a long quotation, word for word: one misremembered word in the other half. */
  part?: string;
  /** The query was a passage pasted without quote marks, not a quotation in them. */
  passage?: boolean;
  /** Pages that hold most of the quotation's pairs of adjacent words, though no form above matched: words changed in both halves (lib/phrase-index, nearCandidates). */
  near?: boolean;
  /** A few words, each in some article but never all in one: the word left out, the others searched. */
  without?: string;
}

/** A quotation this long, one of a query, may be found by either half when nothing else finds it. */
export const HALVED_WORDS = 8;

/**
 * What to search, in order, when a query with a quotation finds nothing:
 * the quotations alone, then each without its first and last words (a
 * reader's selection often starts or ends mid-word: "enie is well … the
 * bot"), then their words anywhere in an article (a quotation misremembered:
 * a word left out or put in), then a long quotation's first half and its
 * second, each word for word (a word changed in the other half). A
 * quotation of fewer than CLIPPED_WORDS words keeps its edges. A long
 * passage pasted without quote marks, searched by its words, is searched
 * by its halves. A few words that no article has together are searched
 * with one of them left out.
 */
export function relaxedQueries(q: ParsedQuery): Relaxed[] {
  // A few words that no article has together: the others, each word left out in turn, the last typed first (the
  // first words typed are most often the subject). Each word is in some article (runSearch checks), or it is the
  // word to correct, not to leave out.
  const distinct = [...new Set(q.words)];
  if (q.phrases.length === 0 && distinct.length >= 2 && q.words.length < PASSAGE_WORDS) {
    return [...distinct].reverse().map((word) => ({ text: distinct.filter((w) => w !== word).join(' '), without: word }));
  }
  // A passage pasted without quote marks: its words are what failed, so only its halves, word for word.
  if (q.phrases.length === 0) return halves(q.words, undefined).map((r) => ({ ...r, passage: true }));
  const quoted = (phrases: string[]) => phrases.map((p) => `"${p}"`).join(' ');
  const withoutWords = q.words.length > 0 ? q.words : undefined;
  const out: Relaxed[] = withoutWords ? [{ text: quoted(q.phrases), withoutWords }] : [];
  const clipped = q.phrases.map((p) => {
    const words = p.split(' ');
    return words.length >= CLIPPED_WORDS ? words.slice(1, -1).join(' ') : p;
  });
  if (clipped.some((p, i) => p !== q.phrases[i])) out.push({ text: quoted(clipped), ...(withoutWords && { withoutWords }), withoutEdges: true });
  // Not a passage: its words. Those of a long quotation are searched as a passage first, and that is not what failed.
  const words = q.phrases.flatMap(phraseRuns).join(' ');
  if (words.split(' ').length > 1) out.push({ text: words, ...(withoutWords && { withoutWords }), wordsOnly: true });
  if (q.phrases.length === 1) out.push(...halves(q.phrases[0]!.split(' '), withoutWords));
  return out;
}

/** A long quotation's first half and its second, each to be found word for word. */
function halves(words: string[], withoutWords: string[] | undefined): Relaxed[] {
  if (words.length < HALVED_WORDS) return [];
  const middle = Math.ceil(words.length / 2);
  return [words.slice(0, middle), words.slice(middle)].map((half) => {
    const part = half.join(' ');
    return { text: `"${part}"`, ...(withoutWords && { withoutWords }), part };
  });
}

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

