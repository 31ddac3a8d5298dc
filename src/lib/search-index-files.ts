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

/** What a language's metadata says of its word chunks and filter chunks. */
export interface IndexMeta {
  /** Each page's fragment, in Pagefind's order of the pages. */
  pages: string[];
  /** Each word chunk: the first and last words it holds (Pagefind's stems, in its order), and its hash. */
  chunks: { from: string; to: string; hash: string }[];
  /** Each facet's filter chunk. */
  filters: { facet: string; hash: string }[];
}

/**
 * A language's metadata (gunzipped), as Pagefind 1.x writes it: its signature,
 * then CBOR holding [version, pages as [fragment, word count, …], word chunks as [from, to, hash], filters
 * as [facet, hash], sorts, meta fields]. `file` names it in the error when
 * the bytes are not of that form.
 */
export function readIndexMeta(bytes: Uint8Array, file: string): IndexMeta {
  const signature = [...SIGNATURE].map((c) => c.charCodeAt(0));
  if (!signature.every((byte, i) => bytes[i] === byte)) throw new Error(`${file} is not Pagefind's metadata.`);
  let at = signature.length;
  const decoder = new TextDecoder();
  // The CBOR Pagefind writes: unsigned and negative integers, byte and text strings, arrays and maps, of known lengths.
  const item = (): unknown => {
    const head = bytes[at++];
    if (head === undefined) throw new Error(`${file} ends early.`);
    const [major, extra] = [head >> 5, head & 31];
    let n = extra;
    if (extra >= 24 && extra <= 27) {
      n = 0;
      for (let k = 0; k < 2 ** (extra - 24); k++) n = n * 256 + bytes[at++]!;
    } else if (extra > 27) throw new Error(`${file} holds CBOR this reader does not know (${head}).`);
    if (major === 0) return n;
    if (major === 1) return -1 - n;
    if (major === 2 || major === 3) {
      const part = bytes.subarray(at, (at += n));
      return major === 3 ? decoder.decode(part) : part;
    }
    if (major === 4) return Array.from({ length: n }, item);
    if (major === 5) return Object.fromEntries(Array.from({ length: n }, () => [item(), item()]));
    throw new Error(`${file} holds CBOR this reader does not know (${head}).`);
  };
  const [, pages, chunks, filters] = item() as [unknown, [string, ...unknown[]][], [string, string, string][], [string, string][]];
  if (!Array.isArray(pages) || !Array.isArray(chunks) || !Array.isArray(filters)) throw new Error(`${file} is not Pagefind's metadata.`);
  return { pages: pages.map(([hash]) => hash), chunks: chunks.map(([from, to, hash]) => ({ from, to, hash })), filters: filters.map(([facet, hash]) => ({ facet, hash })) };
}

/**
 * The word chunks a search for a word may read: Pagefind looks up the word's
 * stem, and words that begin with it. A stem is the word or shorter, ending
 * at most in a letter that sorts before the word's own ("happi" for
 * "happy"), and shares its first three letters: so every chunk whose words
 * reach from those letters to the word and what follows it.
 */
export function chunksForWord(meta: IndexMeta, word: string): string[] {
  // "doesn't" may be indexed as "doesnt", which sorts after it.
  const plain = word.replace(/'/g, '');
  const [low, high] = [word.slice(0, 3), `${plain > word ? plain : word}\uffff`];
  return meta.chunks.filter((c) => c.from <= high && c.to >= low).map((c) => c.hash);
}

/** Gzip's first two bytes: a server that sent a file with Content-Encoding: gzip has had it unzipped already. */
const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** One of Pagefind's files as fetched: gunzipped, unless the server sent it unzipped. */
export async function gunzipped(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  return new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}
