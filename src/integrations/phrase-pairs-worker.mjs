// Reads a share of Pagefind's fragments on a thread of its own and gives back
// each page's pairs of adjacent words (integrations/search-index.ts,
// writePhraseIndex), so that a clean build reads them on both cores.
import { loadTypeScript } from '../lib/load-typescript.mjs';
import { workerData, parentPort } from 'node:worker_threads';

loadTypeScript();
const { fragmentPairs } = await import('./search-fragments.ts');

const pairs = workerData.files.map((file) => Uint32Array.from(fragmentPairs(file)));
parentPort.postMessage(pairs, pairs.map((p) => p.buffer));
