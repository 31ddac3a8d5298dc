#!/usr/bin/env node
// Finishes a site Astro has written, for scripts/build.mjs, which starts it
// beside Astro and tells it to go once the Astro process has exited:
//   node scripts/finish-build.mjs <site folder> [--when-told]
// Told "articles" before "go" (the article pages are all written, Astro
// writes the rest), it starts the search index on them at once, and publishes
// nothing of it unless the pages are still those once Astro has finished.
// Told before that which article pages Astro will write ("plan", in a build
// that renders them all with no published build before it) and each once
// written ("written"), it indexes each shard as soon as its pages are.
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
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadTypeScript } from '../src/lib/load-typescript.mjs';

// --when-told: load, then wait for "go" on the standard input (scripts/build.mjs starts this beside Astro, and
// says go once Astro has written the site); an input closed without it means there is nothing to finish.
const whenTold = process.argv.includes('--when-told');
const usage = () => {
  console.error('Give the folder of a built site (one with an index.html): node scripts/finish-build.mjs <site folder>');
  process.exit(2);
};
const built = () => process.argv[2] && existsSync(path.join(process.argv[2], 'index.html'));
if (!process.argv[2] || (!whenTold && !built())) usage();

// Its modules compiled once, for every build after (loadTypeScript, as Astro's own command does): their loading
// was half a second of the step after Astro, before Pagefind could start (a third less with the cache).
loadTypeScript();
const { articlePagesNow, buildIndex, clearIndex, samePagesNow } = await import('../src/integrations/search-index.ts');
const { ARTICLE_PAGE_WRITTEN, ARTICLE_PAGES_PLANNED, ARTICLE_PAGES_WRITTEN, cacheFolder, checksAfterAstro, indexBesideAstro, SEARCH_INPUT, siteAddress } = await import('../src/integrations/build-settings.ts');
const { checkSiteLinks, linkCheckCache, linkCheckReader } = await import('../src/integrations/link-check.ts');
const { recordPermalinks, registerCache, registerInputs } = await import('../src/integrations/permalink-register.ts');

const root = path.resolve(import.meta.dirname, '..');
const site = path.resolve(process.argv[2]);
const time = () => new Date().toTimeString().slice(0, 8);
const loggerOf = (step) => ({ info: (message) => console.log(`${time()} [policy-reader:${step}] ${message}`) });
const cacheDir = cacheFolder(root);
// What the checks start from (the register, what the last build read of each page): read while Astro loads the
// content, when this process has nothing else to do (below), or else while Pagefind reads the pages. Read again by
// the checks if that failed (a register that cannot be read fails them, with its reason).
let prepared;
const prepare = () => {
  try {
    prepared ??= { register: registerInputs(registerCache(cacheDir)), links: linkCheckReader(linkCheckCache(cacheDir)) };
  } catch {
    prepared = undefined;
  }
};
const checks = () => {
  const ready = prepared;
  prepared = undefined;
  recordPermalinks(pathToFileURL(`${site}/`), registerCache(cacheDir), loggerOf('permalink-register'), ready?.register);
  checkSiteLinks(site, [siteAddress()], linkCheckCache(cacheDir), loggerOf('link-check'), ready?.links);
};
// The links Pagefind reads: in the site, on its file system, as nothing else reads it now; removed after.
const input = path.join(site, SEARCH_INPUT);
const fail = (error) => {
  console.error(`${time()} [policy-reader] ${error.message}`);
  process.exit(1);
};

// Told "articles" first (Astro's build has written every article page, and writes the rest of the site), the search
// index starts on them at once, on the core Astro leaves idle; the checks, which read every page, wait for "go".
// Told before that which article pages Astro will write ("plan"), and each once it is written ("written"), it starts
// at once and indexes each shard as soon as its pages are all on disk.
let early;
let toldAt = 0;
const written = new Set();
let allWritten = false;
let waiting = [];
/** Settles once the pages given are all on disk (Astro said so), or fails if Astro's build ends without going on. */
const whenWritten = (pages) =>
  new Promise((resolve, reject) => {
    const left = new Set(pages.filter((page) => !written.has(page)));
    if (allWritten || left.size === 0) return resolve();
    waiting.push({ left, resolve, reject });
  });
const heard = (line) => {
  const [word, rest = ''] = line.split(/ (.*)/s);
  if (word === ARTICLE_PAGE_WRITTEN) {
    written.add(rest);
    waiting = waiting.filter((w) => (w.left.delete(rest), w.left.size === 0 ? (w.resolve(), false) : true));
  } else if (word === ARTICLE_PAGES_PLANNED) {
    // Not started so (a published build is there, or the site is too large): it may start once the pages are all written.
    if (early === undefined) early = startPlanned(rest);
  } else if (word === ARTICLE_PAGES_WRITTEN) {
    allWritten = true;
    for (const w of waiting.splice(0)) w.resolve();
    if (early === undefined) early = startEarly() ?? null;
  }
};
const told = !whenTold
  ? Promise.resolve(true)
  : new Promise((resolve) => {
      let said = '';
      let go = false;
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (chunk) => {
        said += chunk;
        for (let end = said.indexOf('\n'); end >= 0; end = said.indexOf('\n')) {
          const line = said.slice(0, end);
          said = said.slice(end + 1);
          if (line === 'go') go = true;
          else heard(line);
        }
      });
      process.stdin.on('end', () => {
        toldAt = performance.now();
        if (said === 'go') go = true;
        // Told to go, Astro has written the site; told nothing more, it never will.
        allWritten = go;
        for (const w of waiting.splice(0)) (go ? w.resolve() : w.reject(new Error('not told to go')));
        resolve(go);
      });
      process.stdin.on('error', () => resolve(false));
    });

// In a rebuild, read now, while Astro starts and loads the content on one core: read once the article pages were
// written, it took 0.6 s of the two cores that Pagefind, the rest of Astro's build and the checks then share, the
// rebuild's longest path (docs/performance.md, fifty-seventh entry). Only when the published build is small enough
// for the checks to run here (the site being built is about its size), as what is read is kept until they run.
const previousSite = process.env.POLICY_READER_PREVIOUS;
if (whenTold && previousSite && checksAfterAstro(previousSite)) prepare();

/**
 * The search index, started on the article pages before Astro has finished:
 * only where the checks run here too (checksAfterAstro), and only up to
 * INDEX_BESIDE_ASTRO_UP_TO article pages, as Pagefind's memory is then beside
 * Astro's. What the pages were when it started (each file, its size and
 * the time of its last write: articlePagesNow) is kept: a site whose
 * article pages are not those once Astro has finished is indexed again
 * (below).
 */
function startEarly() {
  let pages;
  try {
    pages = articlePagesNow(site);
    // Counted from that look at the pages: each count of its own looked for 5,000 pages, 0.1 s before Pagefind could start.
    if (!indexBesideAstro(site, pages.size) || !checksAfterAstro(site, pages.size)) return undefined;
  } catch {
    // The article pages cannot be looked at yet: the index starts when told to go.
    return undefined;
  }
  return begin(pages);
}

/**
 * The search index, started on the article pages Astro's build has said it
 * will write, before they are (buildIndex's planned): each shard as soon as
 * its pages are written. Only for a build with no published one before it,
 * whose unchanged shards a rebuild keeps instead (buildIndex), and within
 * the same limits as above. Each page is looked at once it is written; what
 * it was then is kept, and checked once Astro has finished, as above.
 */
function startPlanned(said) {
  let pages;
  try {
    pages = JSON.parse(said);
  } catch {
    return undefined;
  }
  if (previousSite || !Array.isArray(pages) || !indexBesideAstro(site, pages.length) || !checksAfterAstro(site, pages.length)) return undefined;
  const seen = new Map();
  return begin(seen, { pages, written: whenWritten, seen });
}

function begin(pages, planned) {
  const started = performance.now();
  const run = { pages, planned: Boolean(planned), started, checked: false, checkError: undefined, result: undefined };
  run.result = buildIndex(
    root,
    site,
    input,
    loggerOf('search-index'),
    {
      checks: async () => {
        prepare();
        if (!(await told)) throw new Error('not told to go');
        run.checked = true;
        try {
          checks();
        } catch (error) {
          run.checkError = error;
          throw error;
        }
      },
    },
    planned ? undefined : pages,
    planned,
  ).then(
    () => undefined,
    (error) => error,
  );
  return run;
}

if (!(await told)) {
  // Astro failed or the build was stopped: an index begun is stopped (Pagefind closed), and nothing is written after.
  if (early) await early.result;
  process.exit(0);
}
if (!built()) usage();
if (early) {
  const error = await early.result;
  if (early.checkError) fail(early.checkError);
  const same = error === undefined && samePagesNow(articlePagesNow(site), early.pages);
  if (same) {
    const when = early.planned ? 'as Astro wrote them' : 'while Astro wrote the rest of the site';
    loggerOf('search-index').info(`started on the article pages ${when}, ${((toldAt - early.started) / 1000).toFixed(1)} s before it had finished`);
    process.exit(0);
  }
  // Pagefind failed, or read a page that changed after: all of it again, on the finished site.
  loggerOf('search-index').info(
    error === undefined ? 'the article pages changed after the search index started on them: indexed again' : `indexing the article pages before Astro had finished failed (${error.message}): indexed again`,
  );
  clearIndex(site, input);
}
try {
  await buildIndex(root, site, input, loggerOf('search-index'), checksAfterAstro(site) ? { checks: early?.checked ? undefined : checks } : undefined);
} catch (error) {
  fail(error);
}
