#!/usr/bin/env node
// Builds the search index of a site Astro has finished writing, for
// scripts/build.mjs, which runs it once the Astro process has exited:
//   node scripts/search-index.mjs <site folder>
// Pagefind holds every page's words until it writes the index (6.5 GB at
// 20,000 articles), and Astro its whole collection until it exits (4.4 GB):
// run side by side, as an integration of Astro's build, they needed 11 GB at
// once (docs/performance.md). POLICY_READER_PREVIOUS names the published
// build, whose unchanged index files are kept (integrations/search-index).
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';

if (!process.argv[2] || !existsSync(path.join(process.argv[2], 'index.html'))) {
  console.error('Give the folder of a built site (one with an index.html): node scripts/search-index.mjs <site folder>');
  process.exit(2);
}

register('../src/loaders/ts-resolve.mjs', import.meta.url);
const { buildIndex } = await import('../src/integrations/search-index.ts');

const site = path.resolve(process.argv[2]);
const time = () => new Date().toTimeString().slice(0, 8);
const logger = {
  info: (message) => console.log(`${time()} [policy-reader:search-index] ${message}`),
};
try {
  // The links Pagefind reads: in the site, on its file system, as nothing else reads it now; removed after.
  await buildIndex(path.resolve(import.meta.dirname, '..'), site, path.join(site, '.search-input'), logger);
} catch (error) {
  console.error(`${time()} [policy-reader:search-index] ${error.message}`);
  process.exit(1);
}
