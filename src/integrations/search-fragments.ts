import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { pairKeysOf } from '../lib/phrase-index';

/** A Pagefind fragment's data: gzipped, after Pagefind's signature. */
function readFragment(file: string): { content: string } {
  const bytes = gunzipSync(readFileSync(file));
  const signature = 'pagefind_dcd';
  if (bytes.subarray(0, signature.length).toString() !== signature) throw new Error(`Search indexing failed: ${file} is not a Pagefind fragment.`);
  return JSON.parse(bytes.subarray(signature.length).toString('utf8')) as { content: string };
}

/** The pairs of adjacent words of a fragment's page (lib/phrase-index). */
export const fragmentPairs = (file: string): number[] => pairKeysOf(readFragment(file).content);
