// Puts a build's files in place on a thread of its own (integrations/page-reuse.ts,
// onThread): the pages a rebuild copies from the previous build, the captures and
// the citation files. Through Node's promises, each file's callbacks cost the main
// thread, which renders the pages, about 40 µs: at 5,000 articles, 25,000 files
// were most of a second of a rebuild's pages step.
import { loadTypeScript } from '../lib/load-typescript.mjs';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

loadTypeScript();
const { placeFile } = await import('./site-files.ts');

/** @type {{ kind: 'link' | 'copy' | 'write', items: [string, string][] }} */
const { kind, items } = workerData;
const made = new Set();
const inFolder = (file) => {
  const folder = path.dirname(file);
  if (made.has(folder)) return;
  mkdirSync(folder, { recursive: true });
  made.add(folder);
};
for (const [first, second] of items) {
  // link: [from, to], a file that never changes once written (site-files, placeFile, which makes a missing folder
  // itself); copy: [from, to], a content file, which an editor may change in place; write: [to, text].
  if (kind === 'link') {
    placeFile(first, second);
  } else if (kind === 'copy') {
    inFolder(second);
    copyFileSync(first, second);
  } else {
    inFolder(first);
    writeFileSync(first, second);
  }
}
parentPort.postMessage(items.length);
