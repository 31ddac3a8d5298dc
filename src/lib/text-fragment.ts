import { collapseSpaces as collapse } from './text';

/**
 * Text fragments (https://wicg.github.io/scroll-to-text-fragment/): a link
 * that names the words to highlight, `#id:~:text=[prefix-,]start[,end][,-suffix]`.
 * This module is shared by the browser scripts and the build, so it has no
 * Node or DOM imports.
 */

/**
 * The id an address's fragment names (`location.hash`): without a text
 * directive, and percent-decoded; a fragment that is not valid
 * percent-encoding (a link mangled in a chat) is taken as written, rather
 * than throwing in every script that reads it.
 */
export function fragmentId(hash: string): string {
  const id = hash.replace(/^#/, '').split(':~:')[0] ?? '';
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** Percent-encodes a term: the spec reserves "-", "," and "&" inside a directive. */
export function encodeTextTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

const words = (text: string) => collapse(text).split(' ').filter(Boolean);

function occurrences(haystack: string, needle: string): number {
  const h = collapse(haystack).toLowerCase();
  const n = collapse(needle).toLowerCase();
  if (n === '') return 0;
  let count = 0;
  for (let at = h.indexOf(n); at !== -1; at = h.indexOf(n, at + 1)) count++;
  return count;
}

/** Selections longer than this are written as start and end words, as the spec advises. */
const LONG = 10;
const EDGE = 4;
const CONTEXT = 3;

export interface FragmentInput {
  /** The selected text. */
  selected: string;
  /** Text just before and after the selection, for prefix and suffix when the words recur. */
  before?: string;
  after?: string;
  /** All the text of the page, to tell whether the selected words are unique. */
  pageText: string;
}

/** The text directive for a selection, without the leading "#": ":~:text=…". */
export function textDirective({ selected, before = '', after = '', pageText }: FragmentInput): string {
  const selectedWords = words(selected);
  if (selectedWords.length === 0) return '';
  const terms: string[] = [];
  const unique = occurrences(pageText, selected) <= 1;
  const prefix = words(before).slice(-CONTEXT).join(' ');
  const suffix = words(after).slice(0, CONTEXT).join(' ');
  if (!unique && prefix) terms.push(`${encodeTextTerm(prefix)}-`);
  if (selectedWords.length > LONG) {
    terms.push(encodeTextTerm(selectedWords.slice(0, EDGE).join(' ')));
    terms.push(encodeTextTerm(selectedWords.slice(-EDGE).join(' ')));
  } else {
    terms.push(encodeTextTerm(selectedWords.join(' ')));
  }
  if (!unique) {
    if (suffix) terms.push(`-${encodeTextTerm(suffix)}`);
    // The same words in the same context elsewhere (a pull quote repeating the sentence): a text
    // directive would take the reader there, so leave it out and let the #block fragment land.
    const gap = (side: string) => (/\s/.test(side) ? ' ' : '');
    const context = `${prefix}${prefix ? gap(before.slice(-1)) : ''}${selected}${suffix ? gap(after.slice(0, 1)) : ''}${suffix}`;
    if (occurrences(pageText, context) > 1) return '';
  }
  return `:~:text=${terms.join(',')}`;
}
