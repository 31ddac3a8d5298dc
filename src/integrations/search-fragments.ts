import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { pairKeysOf } from '../lib/phrase-index';
import { fragmentData } from '../lib/search-index-files';

/** The pairs of adjacent words of a fragment's page (lib/phrase-index). */
export const fragmentPairs = (file: string): number[] => pairKeysOf(fragmentData<{ content: string }>(gunzipSync(readFileSync(file)), file).content);
