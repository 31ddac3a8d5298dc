import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { bucketEntries, buildPhraseIndex, type PhraseManifest } from '../lib/phrase-index';
import { articlePagesFolder, articlePagesGlob, pagefindEntryUrl, pagefindFolderUrl, phraseBucketUrl, phraseIndexUrl, phrasePagesUrl } from '../lib/routes';
import { HASHED_FOLDERS, metaFileName, namedHashes } from '../lib/search-index-files';
import { checksAfterAstro } from './build-settings';
import { codeDigest } from './code-digest';
import { fragmentPairs } from './search-fragments';
import { placeFile } from './site-files';

/**
 * Builds the Pagefind search index from the finished pages. Only pages that
 * mark a region with data-pagefind-body (the articles) are indexed; any
 * indexing error fails the build, so a site never ships with a broken search.
 *
 * Pagefind is given the article pages alone (the pages that list the
 * collection ask for nothing, but would be read); tests/build/search-index.test.ts
 * checks that no other page asks to be indexed.
 *
 * A build after another (scripts/build.mjs names the published one) starts
 * from the previous index's hashed files, which Pagefind then does not write
 * again, and removes those the new index does not name (lib/search-index-files):
 * the index is the one a clean build writes, file for file, without gzipping
 * again the thousands of fragments that did not change.
 *
 * From Pagefind's fragments it then writes the index of adjacent words
 * (lib/phrase-index) that finds an exact phrase without Pagefind, taking
 * from the previous build's the pairs of the pages that did not change.
 *
 * When no article page changed at all (an edit to a topic's description, the
 * synonyms, a page that lists the collection), the previous build's index and
 * index of adjacent words are kept whole, and Pagefind is not started: the
 * same code makes them from those pages alone, so it would write them again
 * file for file.
 *
 * A build by scripts/build.mjs (which says where it writes, in
 * POLICY_READER_OUT) runs buildIndex itself once Astro has exited
 * (scripts/finish-build.mjs): Pagefind holds every page's words until it
 * writes the index, Astro its whole collection until it exits, and side by
 * side they needed 11 GB at 20,000 articles, one after the other 6.5 GB
 * (docs/performance.md). A bare `astro build` indexes here, last of its
 * steps (the last integration). A failure of Pagefind fails the build
 * either way.
 */
export default function searchIndex(): AstroIntegration {
  let cacheDir = '';
  let root = '';
  return {
    name: 'policy-reader:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.POLICY_READER_OUT) return;
        const site = fileURLToPath(dir);
        // This build's own folder of links, as another may share the cache.
        await buildIndex(root, site, path.join(cacheDir, 'search-input', String(process.pid)), logger, checksAfterAstro(site) ? {} : undefined);
      },
    },
  };
}

/**
 * Indexes the site's article pages into its /pagefind/ folder, reading them
 * through links made in `input`, a folder of its own; then writes the index
 * of adjacent words from Pagefind's fragments. `root`: the project's, whose
 * code decides what of a previous build's index may be reused.
 */
export async function buildIndex(
  root: string,
  site: string,
  input: string,
  logger: Pick<AstroIntegrationLogger, 'info'>,
  /**
   * Work for this process while Pagefind writes the index in its own, which
   * leaves a core idle: the checks given (scripts/finish-build.mjs), then
   * reading what the index of adjacent words needs. Left out for a site too
   * large for it (integrations/build-settings): that work's memory would sit
   * beside Pagefind's at its peak.
   */
  beside?: { checks?: () => void },
): Promise<void> {
  const outputPath = pagefindFolder(site);
  const started = performance.now();
  const previousSite = process.env.POLICY_READER_PREVIOUS;
  if (previousSite && sameIndexInputs(root, site, previousSite)) {
    beside?.checks?.();
    for (const folder of [pagefindFolderUrl, path.dirname(phraseIndexUrl)]) placeFolder(path.join(previousSite, folder), path.join(site, folder));
    logger.info(`kept the previous build’s search index whole, as no article page changed (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return;
  }
  const previous = previousSite && carryHashedFiles(pagefindFolder(previousSite), outputPath);
  let ahead: ReadAhead = { found: new Map() };
  let removing: Promise<void> | undefined;
  try {
    const { index, errors } = await withPagefindAllocator(() => pagefind.createIndex({ forceLanguage: 'en' }));
    const fail = (step: string, list: string[]) => {
      if (list.length > 0) throw new Error(`Search indexing failed while ${step}:\n  - ${list.join('\n  - ')}`);
    };
    fail('starting Pagefind', errors);
    if (!index) throw new Error('Search indexing failed: Pagefind returned no index.');
    const added = await index.addDirectory({ path: inNameOrder(site, input), glob: articlePagesGlob() });
    // Pagefind has read the pages: their links go while it writes (0.7 s at 5,000 articles), on the file threads.
    removing = rm(input, { recursive: true, force: true });
    fail('reading the pages', added.errors);
    if (added.page_count === 0) throw new Error('Search indexing found no pages with data-pagefind-body.');
    const writing = index.writeFiles({ outputPath });
    let written = false;
    // Settled below, unless the checks fail first: the build fails with their error, not with Pagefind's when it is closed.
    const settled = writing.then(
      () => (written = true),
      () => (written = true),
    );
    beside?.checks?.();
    if (beside && !written) {
      // Then, until Pagefind has written its last file, what the index of adjacent words needs: the previous build's pairs,
      // and the fragments Pagefind has written. The previous build's fragments, there from the start, are read too
      // only if its pairs cannot be used (other code made them).
      const previousPairsRead = previous ? readPairsAhead(root, previousSite!) : undefined;
      const asWritten = fragmentsAsWritten(path.join(outputPath, 'fragment'), previous && previousPairsRead?.pairs ? previous.fragments : new Set());
      ahead = { found: asWritten.found, previous: previousPairsRead };
      while (!written) {
        asWritten.look();
        await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 100))]);
      }
    }
    fail('writing the index', (await writing).errors);
    let kept = 0;
    if (previous) {
      if (readEntry(outputPath).version === previous.version) {
        kept = previous.files - removeUnnamed(outputPath);
      } else {
        // Another version of Pagefind may write the same hash differently: its own files, all of them, and read anew.
        rmSync(outputPath, { recursive: true, force: true });
        ahead = { found: new Map() };
        fail('writing the index', (await index.writeFiles({ outputPath })).errors);
      }
    }
    const reuse = previous ? `, ${kept} of its files kept from the previous build` : '';
    logger.info(`indexed ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s${reuse}`);
  } finally {
    await pagefind.close();
    await (removing ?? rm(input, { recursive: true, force: true }));
  }
  // Once Pagefind's process has gone, with the words of every page it held (6.5 GB at 20,000 articles).
  const phrasesStarted = performance.now();
  const { pages, read, early } = await writePhraseIndex(root, site, previousSite, ahead);
  const phrasesReuse = `${read < pages ? `, ${pages - read} from the previous build` : ''}${early > 0 ? `, ${early} read while Pagefind wrote` : ''}`;
  logger.info(`indexed the pairs of words of ${pages} pages in ${((performance.now() - phrasesStarted) / 1000).toFixed(1)} s${phrasesReuse}`);
}

/**
 * How Pagefind's own process allocates memory. Its binary uses jemalloc
 * (the tikv-jemallocator build, which reads _RJEM_MALLOC_CONF), whose
 * defaults suit a long-running server: freed memory goes back to the system
 * within seconds, and a process has four arenas per core. Pagefind builds
 * and drops the words of every page within a minute, so it spent a fifth of
 * its time in the kernel, mapping and clearing again pages it had just
 * given back. Kept until the process exits, in two arenas, 5,000 pages
 * index in 17-19 s instead of 21-22 s with the same peak memory, and 20,000
 * in 85 s instead of 129 s with 7.0 GiB instead of 6.0 GiB at the peak
 * (docs/performance.md, tenth run). Huge pages were faster again (65 s) but
 * held 7.5 GiB: too near the 8 GB a 20,000-article build must stay under.
 * A setting of the builder's own wins.
 */
export const PAGEFIND_ALLOCATOR = 'dirty_decay_ms:-1,muzzy_decay_ms:-1,narenas:2';

/** Starts Pagefind's process (which `start` does at once) with PAGEFIND_ALLOCATOR, leaving this process's environment as it was. */
export function withPagefindAllocator<T>(start: () => T): T {
  const own = process.env._RJEM_MALLOC_CONF;
  process.env._RJEM_MALLOC_CONF = own ?? PAGEFIND_ALLOCATOR;
  try {
    return start();
  } finally {
    if (own === undefined) delete process.env._RJEM_MALLOC_CONF;
  }
}

/**
 * Links to the article pages, in a folder of their own made in the order of
 * the pages' names: what Pagefind indexes. Pagefind numbers the pages in the
 * order it finds them, which is the order the file system lists a folder:
 * by a hash of the names on some (ext4), but by when each entry was made on
 * others (tmpfs, btrfs). A rebuild makes the article folders in another order
 * than a clean build (the copied pages last), so without this its index
 * would differ from a clean build's on those file systems.
 */
export function inNameOrder(site: string, folder: string): string {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  // A site without any has no article pages: the index says so (buildIndex).
  for (const page of articlePages(site)) placeFile(path.join(site, page), path.join(folder, page));
  return folder;
}

/** A site's article pages, the files Pagefind indexes, in the order of their names: "articles/<slug>/index.html". */
function articlePages(site: string): string[] {
  const [parent, file] = articlePagesFolder();
  if (!existsSync(path.join(site, parent))) return [];
  return readdirSync(path.join(site, parent))
    .sort()
    .map((name) => path.join(parent, name, file))
    .filter((page) => existsSync(path.join(site, page)));
}

/**
 * Whether the index a previous site has is the one this site's would be:
 * made by this code (with the version of Pagefind it names), from the same
 * article pages, byte for byte. A page the rebuild copied is the previous
 * site's own file (integrations/page-reuse links it) and is known by its
 * inode; one rendered again is read. The first difference ends the look, so
 * a rebuild after an article's edit pays for a few reads.
 */
function sameIndexInputs(root: string, site: string, previous: string): boolean {
  const code = previousIndexCode(root, previous);
  const manifest = path.join(previous, phraseIndexUrl);
  if (!code || !existsSync(manifest) || readJson<{ code?: string }>(manifest).code !== code) return false;
  const [mine, theirs] = [articlePages(site), articlePages(previous)];
  if (mine.length !== theirs.length || mine.some((page, i) => page !== theirs[i])) return false;
  return mine.every((page) => {
    const [a, b] = [path.join(site, page), path.join(previous, page)];
    const [x, y] = [statSync(a), statSync(b)];
    if (x.ino === y.ino && x.dev === y.dev) return true;
    return x.size === y.size && readFileSync(a).equals(readFileSync(b));
  });
}

/** Every file of a folder, placed at the same place under another (placeFile: linked where it can be). */
function placeFolder(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) placeFolder(path.join(from, entry.name), path.join(to, entry.name));
    else placeFile(path.join(from, entry.name), path.join(to, entry.name));
  }
}

interface Entry {
  version: string;
  languages: Record<string, { hash: string }>;
}

/** A site's Pagefind folder (lib/routes), and the entry file in a Pagefind folder, which names its version and index. */
const pagefindFolder = (site: string) => path.join(site, pagefindFolderUrl);
const entryFile = (folder: string) => path.join(folder, path.basename(pagefindEntryUrl));
const readEntry = (folder: string) => JSON.parse(readFileSync(entryFile(folder), 'utf8')) as Entry;

/** Links the previous index's hashed files into the new index's folder; its Pagefind version, how many files, and the names of its fragments. */
function carryHashedFiles(from: string, to: string): { version: string; files: number; fragments: Set<string> } | undefined {
  if (!existsSync(entryFile(from))) return undefined;
  let files = 0;
  const fragments = new Set<string>();
  for (const folder of Object.keys(HASHED_FOLDERS) as (keyof typeof HASHED_FOLDERS)[]) {
    if (!existsSync(path.join(from, folder))) continue;
    for (const name of readdirSync(path.join(from, folder))) {
      placeFile(path.join(from, folder, name), path.join(to, folder, name));
      if (folder === 'fragment') fragments.add(name.slice(0, -HASHED_FOLDERS.fragment.length));
      files++;
    }
  }
  for (const name of readdirSync(from).filter((n) => n.endsWith('.pf_meta'))) {
    placeFile(path.join(from, name), path.join(to, name));
    files++;
  }
  return { version: readEntry(from).version, files, fragments };
}

/**
 * The pairs of adjacent words of the fragments Pagefind has written so far,
 * read while it writes the rest of its index. It writes the fragments some
 * seconds before its last files, on one core, and the build then has the
 * other to spare (docs/performance.md, twelfth run). A file it is still
 * writing does not decompress (gzip ends with the length and a CRC of what
 * it holds): it is read at a later look. `skip`: names not to read (the
 * previous build's, whose pairs its own index of adjacent words has).
 */
export function fragmentsAsWritten(folder: string, skip: Set<string>) {
  const found = new Map<string, readonly number[]>();
  const ending = HASHED_FOLDERS.fragment;
  return {
    found,
    look(): void {
      if (!existsSync(folder)) return;
      for (const file of readdirSync(folder)) {
        const name = file.slice(0, -ending.length);
        if (!file.endsWith(ending) || found.has(name) || skip.has(name)) continue;
        try {
          found.set(name, fragmentPairs(path.join(folder, file)));
        } catch {
          // Not whole yet.
        }
      }
    },
  };
}

/** Removes the hashed files the new index's metadata does not name; how many. */
function removeUnnamed(folder: string): number {
  const named = new Set<string>();
  const metas = new Set<string>();
  for (const [language, { hash }] of Object.entries(readEntry(folder).languages)) {
    metas.add(metaFileName(hash));
    for (const h of namedHashes(gunzipSync(readFileSync(path.join(folder, metaFileName(hash)))), language)) named.add(h);
  }
  let removed = 0;
  const remove = (file: string) => {
    rmSync(file);
    removed++;
  };
  for (const [sub, ending] of Object.entries(HASHED_FOLDERS)) {
    if (!existsSync(path.join(folder, sub))) continue;
    for (const name of readdirSync(path.join(folder, sub))) if (!named.has(name.slice(0, -ending.length))) remove(path.join(folder, sub, name));
  }
  for (const name of readdirSync(folder)) if (name.endsWith('.pf_meta') && !metas.has(name)) remove(path.join(folder, name));
  return removed;
}

/** Below this many fragments to read, a second thread costs more to start than it saves. */
const THREAD_FROM = 400;

/** The pairs of the fragments' pages, read on a thread of its own (phrase-pairs-worker.mjs). */
function pairsOnThread(files: string[]): Promise<readonly (readonly number[])[]> {
  if (files.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./phrase-pairs-worker.mjs', import.meta.url), {
      workerData: { files },
      // Node's type stripping says it is experimental, once per thread: known, and not the reader's concern.
      execArgv: [...process.execArgv, '--disable-warning=ExperimentalWarning'],
    });
    worker.once('message', (pairs: Uint32Array[]) => {
      resolve(pairs.map((p) => Array.from(p)));
      void worker.terminate();
    });
    worker.once('error', (error) => reject(new Error(`Reading the search fragments on a second thread failed: ${error.message}`)));
    // After its answer the thread is stopped, and a settled promise ignores this.
    worker.once('exit', (code) => reject(new Error(`Reading the search fragments on a second thread failed: the thread stopped (exit code ${code}).`)));
  });
}

const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

/** What the index of adjacent words is made by: this code, and the version of Pagefind whose fragments it reads (another may give a fragment of the same name other words). */
const phraseCode = (root: string, pagefindVersion: string) => codeDigest(root, [pagefindVersion]).slice(0, 16);

/** What the index of adjacent words takes from the wait for Pagefind's last files (buildIndex). */
export interface ReadAhead {
  /** The pairs of this index's fragments read as Pagefind wrote them, by name (fragmentsAsWritten). */
  found: Map<string, readonly number[]>;
  /** The previous build's pairs (undefined if other code made them), for the code that the version of Pagefind which wrote them gives. */
  previous?: { code: string; pairs: Map<string, readonly number[]> | undefined } | undefined;
}

/** The code this build would make a previous site's index of adjacent words with, for the version of Pagefind that wrote that site's index; undefined if it has none. */
function previousIndexCode(root: string, previous: string): string | undefined {
  const folder = pagefindFolder(previous);
  return existsSync(entryFile(folder)) ? phraseCode(root, readEntry(folder).version) : undefined;
}

/** The pairs of a previous site's index of adjacent words, for the version of Pagefind that wrote its index, which this build's most likely is. */
function readPairsAhead(root: string, previous: string): ReadAhead['previous'] {
  const code = previousIndexCode(root, previous);
  return code === undefined ? undefined : { code, pairs: previousPairs(previous, code) };
}

/** The pairs of each page of a previous site's index of adjacent words, by fragment name, if the same code made it. */
function previousPairs(previous: string, code: string): Map<string, readonly number[]> | undefined {
  const file = (url: string) => path.join(previous, url);
  if (!existsSync(file(phraseIndexUrl))) return undefined;
  const manifest = readJson<PhraseManifest>(file(phraseIndexUrl));
  if (manifest.code !== code) return undefined;
  const names: string[] = [];
  for (let n = 0; n * manifest.pagesPerFile < manifest.pages; n++) names.push(...readJson<string[]>(file(phrasePagesUrl(n))));
  const pairs = names.map((): number[] => []);
  for (let bucket = 0; bucket < manifest.buckets; bucket++) {
    bucketEntries(new Uint8Array(readFileSync(file(phraseBucketUrl(bucket)))), bucket, manifest.buckets, (key, pages) => {
      for (const page of pages) pairs[page]!.push(key);
    });
  }
  return new Map(names.map((name, i) => [name, pairs[i]!]));
}

/**
 * Writes the index of adjacent words (lib/phrase-index) from the fragments
 * Pagefind wrote, in the order of their names, so that a rebuild writes the
 * same files as a clean build. A fragment is named by a hash of its page's
 * data, so a page whose fragment the previous build had has the pairs that
 * build found: only the others are read, but for those read while Pagefind
 * wrote (`ahead`). How many pages, how many not from the previous build,
 * and of those how many were read while Pagefind wrote.
 */
export async function writePhraseIndex(root: string, site: string, previous?: string, ahead: ReadAhead = { found: new Map() }): Promise<{ pages: number; read: number; early: number }> {
  const folder = path.join(pagefindFolder(site), 'fragment');
  const ending = HASHED_FOLDERS.fragment;
  const fileOf = (name: string) => path.join(folder, name + ending);
  const names = readdirSync(folder).filter((n) => n.endsWith(ending)).sort().map((n) => n.slice(0, -ending.length));
  const code = phraseCode(root, readEntry(pagefindFolder(site)).version);
  const known = !previous ? undefined : ahead.previous?.code === code ? ahead.previous.pairs : previousPairs(previous, code);
  const early = names.filter((name) => !known?.has(name) && ahead.found.has(name)).length;
  const unknown = names.filter((name) => !known?.has(name) && !ahead.found.has(name));
  // Half of them on a second thread, when there are enough to be worth starting one.
  const half = unknown.length >= THREAD_FROM ? Math.floor(unknown.length / 2) : 0;
  const helped = pairsOnThread(unknown.slice(0, half).map(fileOf));
  const readNow = new Map<string, readonly number[]>(unknown.slice(half).map((name) => [name, fragmentPairs(fileOf(name))]));
  (await helped).forEach((keys, i) => readNow.set(unknown[i]!, keys));
  const pairs = names.map((name) => known?.get(name) ?? ahead.found.get(name) ?? readNow.get(name)!);
  const read = early + unknown.length;
  const { manifest, buckets } = buildPhraseIndex(pairs);
  const file = (url: string) => path.join(site, url);
  rmSync(path.dirname(file(phraseIndexUrl)), { recursive: true, force: true });
  mkdirSync(path.dirname(file(phraseIndexUrl)), { recursive: true });
  writeFileSync(file(phraseIndexUrl), JSON.stringify({ ...manifest, code }));
  buckets.forEach((bytes, n) => writeFileSync(file(phraseBucketUrl(n)), bytes));
  for (let n = 0; n * manifest.pagesPerFile < names.length; n++) {
    writeFileSync(file(phrasePagesUrl(n)), JSON.stringify(names.slice(n * manifest.pagesPerFile, (n + 1) * manifest.pagesPerFile)));
  }
  return { pages: names.length, read, early };
}
