import { describe, expect, it } from 'vitest';
import { chunksForWord, namedHashes, readIndexMeta, type IndexMeta } from '../../src/lib/search-index-files';

/** CBOR bytes after Pagefind's signature: short text strings (header 0x60 + length) between other items. */
const meta = (...items: (string | number[])[]) =>
  Uint8Array.from([
    ...Buffer.from('pagefind_dcd1.6.0'),
    ...items.flatMap((item) => (typeof item === 'string' ? [0x60 + item.length, ...Buffer.from(item)] : item)),
  ]);

describe('the hashes a Pagefind metadata file names', () => {
  it('are its short text strings of the form language_hex, each taken whole', () => {
    // A hash followed by a text string of length 1 to 6, whose header byte reads as a hex digit ('a'–'f').
    const bytes = meta([0x84], 'en_010a26e', [0x19, 0x02, 0xbc], 'en_4a86c29', 'topic', 'en_0e5b6fd', 'abc');
    expect([...namedHashes(bytes, 'en')].sort()).toEqual(['en_010a26e', 'en_0e5b6fd', 'en_4a86c29']);
  });

  it('leave out strings of another form or language, and hash-like bytes that are not a whole string', () => {
    const bytes = meta('en_zzz1234', 'fr_010a26e', 'leadership', [0x78, 0x20], 'xen_0123456', [0x00, ...Buffer.from('en_0123456')]);
    expect(namedHashes(bytes, 'en').size).toBe(0);
  });
});

describe('the word chunks a search for a word may read', () => {
  const meta: IndexMeta = {
    pages: [],
    chunks: [
      { from: 'a', to: 'happen', hash: 'en_1' },
      { from: 'happi', to: 'lead', hash: 'en_2' },
      { from: 'leadership', to: 'zone', hash: 'en_3' },
    ],
    filters: [],
  };

  it('include the chunk of its stem, which may sort before the word itself', () => {
    // Pagefind looks up "happi" for "happy", in the chunk that starts at "happi"; the one before may hold "happ…" too.
    expect(chunksForWord(meta, 'happy')).toEqual(['en_1', 'en_2']);
    expect(chunksForWord(meta, 'zebra')).toEqual(['en_3']);
  });

  it('include every chunk that words beginning with it may reach', () => {
    expect(chunksForWord(meta, 'lead')).toEqual(['en_2', 'en_3']);
  });

  it('cover a word with an apostrophe, which may be indexed without it', () => {
    expect(chunksForWord({ pages: [], chunks: [{ from: 'doesm', to: 'doesz', hash: 'en_1' }], filters: [] }, "doesn't")).toEqual(['en_1']);
  });
});

describe('reading Pagefind’s metadata', () => {
  it('fails with the file’s name for bytes that are not Pagefind’s metadata', () => {
    expect(() => readIndexMeta(Uint8Array.from(Buffer.from('{"not":"cbor"}')), 'pagefind.en_1.pf_meta')).toThrow("pagefind.en_1.pf_meta is not Pagefind's metadata.");
  });
});
