import { plainFact } from './fact';

/**
 * The metadata a search result reads of its article (components/SearchMeta
 * writes it, lib/search-landing and the search page read it), and how it is
 * kept out of what a search matches.
 *
 * Pagefind (1.5 on) searches every metadata field as it searches the text
 * (https://pagefind.app/docs/metadata/#searching-metadata), and 1.6 has no
 * way to leave a field out (https://github.com/Pagefind/pagefind/issues/532,
 * where searchable metadata was planned, names the need for fields that
 * should not be): the maps a result reads, as JSON, made every article with an
 * inline quotation a result for "block", "who" and "text" (their keys) and
 * for the roles of the people it quotes, every undated article one for
 * "stated" ("Date not stated") and every inference one for "inferred". So
 * the title, authors, publisher and date, which a reader may search for,
 * are written as the plain facts; the rest is `unsearchable`.
 */

/** What every unsearchable value starts with: a query matches one only by starting with it. */
const PREFIX = 'zqx';

/**
 * A metadata value Pagefind reads as a single word that no reader's query
 * matches: the hex of its UTF-8 bytes after PREFIX. (Pagefind splits words
 * at spaces and punctuation, and matches a query's words as prefixes of
 * words, so the value needs neither, and a start no query has.)
 */
export function unsearchable(value: string): string {
  let hex = PREFIX;
  for (const byte of new TextEncoder().encode(value)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** The value `unsearchable` was given, or undefined for a value it did not make. */
export function fromUnsearchable(meta: string | undefined): string | undefined {
  if (!meta?.startsWith(PREFIX) || (meta.length - PREFIX.length) % 2 !== 0 || /[^0-9a-f]/.test(meta.slice(PREFIX.length))) return undefined;
  const bytes = new Uint8Array((meta.length - PREFIX.length) / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(meta.slice(PREFIX.length + 2 * i, PREFIX.length + 2 * i + 2), 16);
  return new TextDecoder().decode(bytes);
}

/** A JSON value from an unsearchable field, or `fallback` when the field is missing or malformed. */
export function unsearchableJson<T>(meta: string | undefined, fallback: T): T {
  const text = fromUnsearchable(meta);
  if (text === undefined) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Which of an article's publisher and date are the editors' inferences (the `inferred` field). */
export type InferredFacts = ('organisation' | 'date')[];

/** The publisher and date a result shows, each marked "(inferred)" if it is one; undefined where not stated. */
export function resultFacts(meta: Readonly<Record<string, string | undefined>>): { organisation?: string | undefined; date?: string | undefined } {
  const inferred = unsearchableJson<InferredFacts>(meta.inferred, []);
  const fact = (field: 'organisation' | 'date') => (meta[field] ? plainFact(meta[field], inferred.includes(field) ? 'inferred' : 'stated') : undefined);
  return { organisation: fact('organisation'), date: fact('date') };
}
