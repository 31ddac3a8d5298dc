#!/usr/bin/env node
// Finishes a site Astro has written, for scripts/build.mjs, which starts it
// beside Astro and tells it to go once the Astro process has exited:
//   node scripts/finish-build.mjs <site folder> [--when-told]
// It builds the search index and, for a site of up to CHECKS_AFTER_ASTRO_UP_TO
// articles (integrations/build-settings), runs the checks that read every
// page (the permalink register, then the link check) while Pagefind reads
// the pages and writes the index: Pagefind works on one core, the checks
// take the other. A larger site was checked in Astro's build. Pagefind holds
// every page's words until it writes the index (6.5 GB at 20,000 articles), and
// Astro its whole collection until it exits (4.4 GB): run side by side, as
// an integration of Astro's build, they needed 11 GB at once
// (docs/performance.md). POLICY_READER_PREVIOUS names the published build,
// whose unchanged index files are kept (integrations/search-index).
import { existsSync } from 'node:fs';
import module, { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// --when-told: load, then wait for "go" on the standard input (scripts/build.mjs starts this beside Astro, and
// says go once Astro has written the site); an input closed without it means there is nothing to finish.
const whenTold = process.argv.includes('--when-told');
const usage = () => {
  console.error('Give the folder of a built site (one with an index.html): node scripts/finish-build.mjs <site folder>');
  process.exit(2);
};
const built = () => process.argv[2] && existsSync(path.join(process.argv[2], 'index.html'));
if (!process.argv[2] || (!whenTold && !built())) usage();

// Its modules compiled once, for every build after (as Astro's own command does): their loading was half a
// second of the step after Astro, before Pagefind could start (a third less with the cache).
module.enableCompileCache?.();
register('../src/loaders/ts-resolve.mjs', import.meta.url);
const { buildIndex } = await import('../src/integrations/search-index.ts');
const { cacheFolder, checksAfterAstro, SEARCH_INPUT, siteAddress } = await import('../src/integrations/build-settings.ts');
const { checkSiteLinks, linkCheckCache } = await import('../src/integrations/link-check.ts');
const { recordPermalinks, registerCache } = await import('../src/integrations/permalink-register.ts');

if (whenTold) {
  const told = await new Promise((resolve) => {
    let said = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (said += chunk));
    process.stdin.on('end', () => resolve(said.trim() === 'go'));
    process.stdin.on('error', () => resolve(false));
  });
  if (!told) process.exit(0);
  if (!built()) usage();
}

const root = path.resolve(import.meta.dirname, '..');
const site = path.resolve(process.argv[2]);
const time = () => new Date().toTimeString().slice(0, 8);
const loggerOf = (step) => ({ info: (message) => console.log(`${time()} [policy-reader:${step}] ${message}`) });
const cacheDir = cacheFolder(root);
const checks = () => {
  recordPermalinks(pathToFileURL(`${site}/`), registerCache(cacheDir), loggerOf('permalink-register'));
  checkSiteLinks(site, [siteAddress()], linkCheckCache(cacheDir), loggerOf('link-check'));
};
try {
  // The links Pagefind reads: in the site, on its file system, as nothing else reads it now; removed after.
  await buildIndex(root, site, path.join(site, SEARCH_INPUT), loggerOf('search-index'), checksAfterAstro(site) ? { checks } : undefined);
} catch (error) {
  console.error(`${time()} [policy-reader] ${error.message}`);
  process.exit(1);
}
