// Puts a build's files in place on a thread of its own (integrations/placing-thread.ts,
// placingThread): the pages a rebuild copies from the previous build, the captures
// and the citation files. Through Node's promises, each file's callbacks cost the
// main thread, which renders the pages, about 40 µs: at 5,000 articles, 25,000 files
// were most of a second of a rebuild's pages step. One thread takes every batch of
// a build, one after the other: a thread per batch cost 0.1-0.5 s of CPU each to
// start (Node's own modules and ours compiled again), ten of them in a rebuild.
import { loadTypeScript } from '../lib/load-typescript.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

loadTypeScript();
const { placeContentFile, placeFile } = await import('./site-files.ts');

/**
 * @param {{ kind: 'link' | 'copy' | 'write', items: string[][] }} batch
 * @returns {{ count: number, identities?: string[], linked?: number }}
 */
function place({ kind, items }) {
  // copy: [from, to] or [from, to, the previous build's copy, the identity its file had then]; each file's identity
  // is answered, and how many were linked.
  if (kind === 'copy') {
    const placed = items.map(([from, to, copy, identity]) => placeContentFile(from, to, copy ? { copy, identity } : undefined));
    return { count: items.length, identities: placed.map((p) => p.identity), linked: placed.filter((p) => p.linked).length };
  }
  // Folders made by this batch: a folder made by an earlier one may have been removed since (page-reuse, placeReused).
  const made = new Set();
  const inFolder = (file) => {
    const folder = path.dirname(file);
    if (made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
  for (const [first, second] of items) {
    // link: [from, to], a file that never changes once written (site-files, placeFile, which makes a missing folder
    // itself); write: [to, text].
    if (kind === 'link') {
      placeFile(first, second);
    } else {
      inFolder(first);
      writeFileSync(first, second);
    }
  }
  return { count: items.length };
}

parentPort.on('message', (batch) => {
  try {
    parentPort.postMessage({ id: batch.id, ...place(batch) });
  } catch (error) {
    parentPort.postMessage({ id: batch.id, error: error instanceof Error ? error.message : String(error) });
  }
});
