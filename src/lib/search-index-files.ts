/**
 * The files of a Pagefind index, as a rebuild and the index of adjacent
 * words (lib/phrase-index) read them, and the search page a fragment.
 *
 * Pagefind names most of its files by a hash of their contents (the metadata,
 * each result fragment, word chunk and filter chunk) and does not write such a
 * file when one of that name is already in its output folder: gzipping them
 * at its best compression was two thirds of its time at 5,000 articles. So a
 * rebuild puts the previous build's hashed files in place first, and removes
 * afterwards the ones the new metadata no longer names.
 */

/** Folders of hashed files, and their names' endings. */
export const HASHED_FOLDERS = { fragment: '.pf_fragment', index: '.pf_index', filter: '.pf_filter' } as const;

/** The metadata file of one language's index ("pagefind.en_d3911ed8ac.pf_meta"), named by its hash in pagefind-entry.json. */
export const metaFileName = (hash: string) => `pagefind.${hash}.pf_meta`;

/** A hashed file of the metadata: its language, "_", and hexadecimal digits ("en_010a26e"). */
export const isHashedName = (name: string, language: string) => name.startsWith(`${language}_`) && /^[0-9a-f]+$/.test(name.slice(language.length + 1));

/**
 * The hashes the metadata names: every page's fragment, every word chunk and
 * every filter chunk. The metadata, once gunzipped, is Pagefind's signature
 * then CBOR, where each hash is a short text string: a header byte 0x60 + its
 * length (under 24), then its characters. Any such string that has the form
 * of a hash is taken; a filter value of that form would at worst keep one
 * file too many, never remove one in use.
 */
export function namedHashes(meta: Uint8Array, language: string): Set<string> {
  const hashes = new Set<string>();
  const prefix = [...`${language}_`].map((c) => c.charCodeAt(0));
  for (let i = 1; i < meta.length; i++) {
    const length = meta[i - 1]! - 0x60;
    if (length <= prefix.length || length >= 24 || i + length > meta.length) continue;
    if (!prefix.every((byte, k) => meta[i + k] === byte)) continue;
    const name = String.fromCharCode(...meta.subarray(i, i + length));
    if (isHashedName(name, language)) hashes.add(name);
  }
  return hashes;
}

/** What each of Pagefind's files starts with, once gunzipped. */
const SIGNATURE = 'pagefind_dcd';

/** A result fragment's data, from the fragment file's gunzipped bytes; `file` names it in the error when they are not one. */
export function fragmentData<T>(bytes: Uint8Array, file: string): T {
  const text = new TextDecoder().decode(bytes);
  if (!text.startsWith(SIGNATURE)) throw new Error(`${file} is not a Pagefind fragment.`);
  return JSON.parse(text.slice(SIGNATURE.length)) as T;
}
