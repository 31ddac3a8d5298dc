// Writes the files the articles loader stores for a build (each new rendering's
// HTML, record and words) on a thread of its own, each written aside and renamed
// into place (lib/whole-file), so that the loader's last step and Astro's bundling
// go on meanwhile (loaders/render-cache, writeOnThread).
import { loadTypeScript } from '../lib/load-typescript.mjs';
import { parentPort, workerData } from 'node:worker_threads';

loadTypeScript();
const { writeWhole } = await import('../lib/whole-file.ts');
for (const [file, text] of workerData.files) writeWhole(file, text);
parentPort.postMessage(workerData.files.length);
