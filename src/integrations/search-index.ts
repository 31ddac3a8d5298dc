import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { bucketEntries, bucketOf, bucketsFor, buildPhraseIndex, changedBucket, type PageChange, type PhraseManifest } from '../lib/phrase-index';
import { articlePagesFolder, articlePagesGlob, pagefindEntryUrl, pagefindFolderUrl, pagefindFragmentUrl, pagefindShardUrl, phraseBucketUrl, phraseIndexUrl, phrasePagesUrl, searchShardsUrl } from '../lib/routes';
import { HASHED_FOLDERS, metaFileName, namedHashes, readIndexMeta } from '../lib/search-index-files';
import { indexChunkSize, isShardFolder, pageMonth, planShards, shardCount, shardFragmentName, type Shard, type ShardPage, type ShardsManifest } from '../lib/search-shards';
import { cacheFolder, checksAfterAstro, searchShardPages } from './build-settings';
import { codeDigest } from './code-digest';
import { fragmentPairs } from './search-fragments';
import { fileIdentity } from '../lib/file-identity';
import { writeWhole } from '../lib/whole-file';
import { placeFile, statOrNothing } from './site-files';

/**
 * Builds the Pagefind search index from the finished pages. Only pages that
 * mark a region with data-pagefind-body (the articles) are indexed; any
 * indexing error fails the build, so a site never ships with a broken search.
 *
 * Pagefind is given the article pages alone (the pages that list the
 * collection ask for nothing, but would be read); tests/build/search-index.test.ts
 * checks that no other page asks to be indexed.
 *
 * A collection of more than a shard's pages is indexed in shards of
 * consecutive months (lib/search-shards), which the search page merges: a
 * build after another (scripts/build.mjs names the published one) keeps each
 * shard whose pages did not change, and indexes only the others. Those start
 * from the previous shard's hashed files, which Pagefind then does not write
 * again, and removes those the new index does not name (lib/search-index-files):
 * the index is the one a clean build writes, file for file, without gzipping
 * again the fragments that did not change.
 *
 * From Pagefind's fragments it then writes the index of adjacent words
 * (lib/phrase-index) that finds an exact phrase without Pagefind, taking
 * from the previous build's the pairs of the pages that did not change.
 *
 * When no article page changed at all (an edit to a topic's description, the
 * synonyms, a page that lists the collection), every shard and the index of
 * adjacent words are kept whole, and Pagefind is not started: the same code
 * makes them from those pages alone, so it would write them again file for
 * file.
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
 * Indexes the site's article pages into its /pagefind/ folder, in shards of
 * consecutive months (lib/search-shards) when there are more than one
 * shard's worth, each read through links made in `input`, a folder of its
 * own; then writes the list of shards the search page reads, and the index
 * of adjacent words from Pagefind's fragments. `root`: the project's, whose
 * code decides what of a previous build's index may be reused.
 *
 * A shard whose pages are the previous build's, byte for byte, is the
 * previous build's shard (the same code made it from the same pages, so it
 * would write it again file for file): a rebuild after an edit indexes only
 * the shards of the pages that changed. When none changed, the index of
 * adjacent words is kept whole too, and Pagefind is not started.
 */
export async function buildIndex(
  root: string,
  site: string,
  input: string,
  logger: Pick<AstroIntegrationLogger, 'info'>,
  /**
   * Work for this process while Pagefind reads the pages and writes the
   * index in its own, which leaves a core idle: the checks given
   * (scripts/finish-build.mjs), then reading what the index of adjacent
   * words needs. Left out for a site too large for it (integrations/build-settings): that work's memory would sit
   * beside Pagefind's at its peak.
   */
  beside?: { checks?: () => void | Promise<void> },
  /** The site's article pages as the caller just found them (articlePagesNow), so that they are not looked at again. */
  pagesNow?: PagesNow,
  /**
   * The article pages Astro's build will write, each with its month, before
   * they are written (scripts/finish-build.mjs): each shard is indexed as
   * soon as `written` says its pages are on disk, while Astro writes the
   * others. Each page is then looked at, and its identity put in `seen`; one
   * that is not there, or of another month than planned, fails the index.
   * The caller checks that the site's article pages are still those seen
   * once Astro has finished. The previous build's shards are not looked at.
   */
  planned?: { pages: ShardPage[]; written: (pages: readonly string[]) => Promise<void>; seen: PagesNow },
): Promise<void> {
  const started = performance.now();
  const previousSite = process.env.POLICY_READER_PREVIOUS;
  const months = pageMonths(pageMonthsCache(root));
  const pages = planned ? planned.pages : pagesNow ? months(site, [...pagesNow.keys()], pagesNow) : months(site, articleFolders(site));
  const shards = planShards(pages, shardCount(pages.length, searchShardPages()));
  if (shards.length === 0) throw new Error('Search indexing found no pages with data-pagefind-body.');
  // Of the shards there are: a month larger than a shard leaves fewer than were asked for.
  const chunk = indexChunkSize(shards.length);
  const previous = previousSite && !planned ? previousShards(root, previousSite, months, chunk) : undefined;
  const kept = new Set(shards.filter((shard) => previous?.some((p) => sameShard(shard, p, site, previousSite!, months.identity))).map((s) => s.folder));
  const written = shards.filter((shard) => !kept.has(shard.folder));
  // The kept shards' files are placed, and the months kept for the next build, once Pagefind has been asked for the
  // other shards: it waited 0.1 s for them.
  const placeKept = () => {
    for (const folder of kept) placeFolder(shardDir(previousSite!, folder), shardDir(site, folder), folder === '' ? isShardFolder : () => false);
    months.save();
  };
  if (written.length === 0) {
    placeKept();
    await beside?.checks?.();
    placeFolder(path.join(previousSite!, path.dirname(phraseIndexUrl)), path.join(site, path.dirname(phraseIndexUrl)));
    writeShardsManifest(site, shards, chunk);
    logger.info(`kept the previous build’s search index whole, as no article page changed (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return;
  }
  const carried = new Map(written.map((shard) => [shard.folder, previousSite ? carryHashedFiles(shardDir(previousSite, shard.folder), shardDir(site, shard.folder)) : undefined]));
  let ahead: ReadAhead = { found: new Map() };
  let removing: Promise<void> | undefined;
  let count = 0;
  let keptFiles = 0;
  try {
    const fail = (step: string, list: string[]) => {
      if (list.length > 0) throw new Error(`Search indexing failed while ${step}:\n  - ${list.join('\n  - ')}`);
    };
    // Every shard in one Pagefind process, whose service takes one message at a time, in the order sent
    // (pagefind/src/service/mod.rs: "TODO: Handle incoming messages concurrently"): so each shard's reading and
    // writing are asked for at once, and this process is free for the checks from the start, beside Pagefind's
    // reading as well as its writing. In a rebuild, when one shard is indexed again, the checks are what the build
    // waits for (docs/performance.md, thirtieth entry). Its answers come in the same order: a Pagefind that
    // answered a shard's writing before its reading fails the build below, rather than publish half an index.
    const indexes = await Promise.all(
      written.map(async (shard) => {
        const { index, errors } = await withPagefindAllocator(() => withIndexChunkSize(chunk, () => pagefind.createIndex({ forceLanguage: 'en' })));
        fail('starting Pagefind', errors);
        if (!index) throw new Error('Search indexing failed: Pagefind returned no index.');
        return { shard, index };
      }),
    );
    const read = new Set<number>();
    // A shard's pages on disk: at once, or (planned) once Astro has written them, each looked at then.
    const monthOf = new Map(planned?.pages.map(({ page, month }) => [page, month]));
    const ready = indexes.map(({ shard }) =>
      planned?.written(shard.pages).then(() => {
        const found = new Map(months(site, shard.pages).map(({ page, month }) => [page, month]));
        for (const page of shard.pages) {
          const month = found.get(page);
          if (month !== monthOf.get(page)) throw new Error(`${page} is ${month === undefined ? 'not there' : `of ${month || 'no month'}`}, not as planned`);
          planned.seen.set(page, months.identity(path.join(site, page))!);
        }
      }),
    );
    // A shard's reading, then its writing, asked for once its pages are ready: at once for all of them, unless planned.
    const once = <T>(n: number, ask: () => Promise<T>) => ready[n]?.then(ask) ?? ask();
    const reading = indexes.map(({ shard, index }, n) =>
      once(n, () => index.addDirectory({ path: inNameOrder(site, path.join(input, String(n)), shard.pages), glob: articlePagesGlob() })).then((added) => (read.add(n), added)),
    );
    const writing = Promise.all(
      indexes.map(({ shard, index }, n) =>
        once(n, () => index.writeFiles({ outputPath: shardDir(site, shard.folder) })).then((written) => {
          if (!read.has(n)) throw new Error('Search indexing failed: Pagefind wrote an index before it had read its pages.');
          return written;
        }),
      ),
    );
    // The links Pagefind reads the pages through go once it has read them (0.7 s at 5,000 articles), on the file threads.
    const allRead = Promise.all(reading).then((added) => ((removing = rm(input, { recursive: true, force: true })), added));
    allRead.catch(() => undefined);
    placeKept();
    let done = false;
    // Settled below, unless the checks fail first: the build fails with their error, not with Pagefind's when it is closed.
    const settled = writing.then(
      () => (done = true),
      () => (done = true),
    );
    await beside?.checks?.();
    if (beside && !done) {
      // Then, until Pagefind has written its last file, what the index of adjacent words needs: the fragments Pagefind
      // has written, and the previous build's pairs, unless its index will be changed (writePhraseIndex) as its pages
      // are where they were. The previous build's fragments, there from the start, are read too only if neither can be.
      const code = previousSite ? previousIndexCode(root, previousSite) : undefined;
      const changeable = code !== undefined && changeablePhraseIndex(previousSite!, code, shards.reduce((n, shard) => n + shard.pages.length, 0)) !== undefined;
      const previousPairsRead = previousSite && !changeable && [...carried.values()].some(Boolean) ? readPairsAhead(root, previousSite) : undefined;
      const readers = written.map((shard) => {
        const skip = changeable || previousPairsRead?.pairs ? (carried.get(shard.folder)?.fragments ?? new Set<string>()) : new Set<string>();
        return fragmentsAsWritten(path.join(shardDir(site, shard.folder), 'fragment'), skip, shard.folder);
      });
      while (!done) {
        for (const reader of readers) reader.look();
        await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 100))]);
      }
      ahead = { found: new Map(readers.flatMap((reader) => [...reader.found])), previous: previousPairsRead };
    }
    for (const result of await allRead) {
      fail('reading the pages', result.errors);
      count += result.page_count;
    }
    // The months of the pages looked at as they were written, for the next build.
    if (planned) months.save();
    for (const result of await writing) fail('writing the index', result.errors);
    for (const { shard, index } of indexes) {
      const from = carried.get(shard.folder);
      if (!from) continue;
      const folder = shardDir(site, shard.folder);
      if (readEntry(folder).version === from.version) {
        keptFiles += from.files - removeUnnamed(folder);
      } else {
        // Another version of Pagefind may write the same hash differently: its own files, all of them, and read anew.
        for (const sub of Object.keys(HASHED_FOLDERS)) rmSync(path.join(folder, sub), { recursive: true, force: true });
        for (const name of readdirSync(folder).filter((n) => n.endsWith('.pf_meta'))) rmSync(path.join(folder, name));
        ahead = { found: new Map() };
        fail('writing the index', (await index.writeFiles({ outputPath: folder })).errors);
      }
    }
  } finally {
    await pagefind.close();
    await (removing ?? rm(input, { recursive: true, force: true }));
  }
  writeShardsManifest(site, shards, chunk);
  const reuse = previousSite ? `, ${keptFiles} of its files kept from the previous build` : '';
  const inShards = shards.length > 1 ? ` in ${written.length} of ${shards.length} shards${kept.size > 0 ? ` (${kept.size} kept from the previous build)` : ''}` : '';
  logger.info(`indexed ${count} pages${inShards} in ${((performance.now() - started) / 1000).toFixed(1)} s${reuse}`);
  // Once Pagefind's process has gone, with the words of every page it held (6.5 GB at 20,000 articles).
  const phrasesStarted = performance.now();
  const { pages: phrasePages, read, early } = await writePhraseIndex(root, site, previousSite, ahead);
  const phrasesReuse = `${read < phrasePages ? `, ${phrasePages - read} from the previous build` : ''}${early > 0 ? `, ${early} read while Pagefind wrote` : ''}`;
  logger.info(`indexed the pairs of words of ${phrasePages} pages in ${((performance.now() - phrasesStarted) / 1000).toFixed(1)} s${phrasesReuse}`);
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
 * Links to the article pages (or those given), in a folder of their own made
 * in the order of the pages' names: what Pagefind indexes. Pagefind numbers
 * the pages in the order it finds them, which is the order the file system
 * lists a folder: by a hash of the names on some (ext4), but by when each
 * entry was made on others (tmpfs, btrfs). A rebuild makes the article
 * folders in another order than a clean build (the copied pages last), so
 * without this its index would differ from a clean build's on those file
 * systems.
 */
export function inNameOrder(site: string, folder: string, pages: readonly string[] = articlePages(site)): string {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  // A site without any has no article pages: the index says so (buildIndex).
  for (const page of [...pages].sort()) placeFile(path.join(site, page), path.join(folder, page));
  return folder;
}

/**
 * What a site's article pages are now: each page and its file's identity
 * (lib/file-identity: its size and time of its last write, not of its last
 * change, which linking a page for Pagefind changes), in the order of their
 * names. The same answer later (samePagesNow) means that no page was added,
 * removed or written since, so an index made from them in between is the one
 * the site's pages make (scripts/finish-build.mjs); buildIndex, given it,
 * does not look at each page again.
 */
export function articlePagesNow(site: string): PagesNow {
  const now: PagesNow = new Map();
  for (const page of articleFolders(site)) {
    const found = statOrNothing(path.join(site, page));
    if (found) now.set(page, fileIdentity(found));
  }
  return now;
}

/** A site's article pages and their files' identities, as articlePagesNow found them. */
export type PagesNow = Map<string, string>;

/** Whether two looks at a site's article pages (articlePagesNow) found the same pages, each the same file. */
export function samePagesNow(a: PagesNow, b: PagesNow): boolean {
  if (a.size !== b.size) return false;
  for (const [page, identity] of a) if (b.get(page) !== identity) return false;
  return true;
}

/** Removes what buildIndex writes in a site (and its folder of links): an index begun on pages that changed is made again from nothing. */
export function clearIndex(site: string, input: string): void {
  for (const made of [pagefindFolder(site), path.join(site, path.dirname(phraseIndexUrl)), path.join(site, searchShardsUrl), input]) rmSync(made, { recursive: true, force: true });
}

/** A site's article pages, the files Pagefind indexes, in the order of their names: "articles/<slug>/index.html". */
function articlePages(site: string): string[] {
  return articleFolders(site).filter((page) => existsSync(path.join(site, page)));
}

/**
 * Where a site's article pages would be, one for each folder of the article
 * pages' folder, in the order of their names; a folder without one (the
 * list of articles' later pages) is among them: pageMonths leaves it out,
 * as it looks at each page anyway.
 */
function articleFolders(site: string): string[] {
  const [parent, file] = articlePagesFolder();
  if (!existsSync(path.join(site, parent))) return [];
  return readdirSync(path.join(site, parent))
    .sort()
    .map((name) => path.join(parent, name, file));
}

/**
 * The month of each page's date to sort by (lib/search-shards, pageMonth),
 * read from the page's head, for the pages there are of those given; a page
 * a rebuild copied (the same file as the previous build's,
 * integrations/page-reuse) is read once for both sites. With `remembered`, a
 * file that keeps each month under its page file's identity (device, inode,
 * size and time of its last write) between builds, such a page is not read
 * at all: a rebuild read the heads of 5,000 pages, 0.2-0.3 s, before
 * Pagefind could start. `save` keeps the months of the pages looked at.
 * With `found`, the identities of the pages just looked at (articlePagesNow):
 * a page not among them is not there.
 */
export function pageMonths(remembered?: string) {
  const known = new Map<string, string>(Object.entries(remembered ? readRemembered(remembered) : {}));
  const looked = new Map<string, string>();
  const identities = new Map<string, string>();
  const head = Buffer.alloc(HEAD_BYTES);
  const months = (site: string, pages: readonly string[], found?: PagesNow): ShardPage[] =>
    pages.flatMap((page) => {
      const file = path.join(site, page);
      // Looked at once: whether it is there, and which file it is (a stat each for 10,000 pages was a tenth of a second).
      const key = found ? found.get(page) : identityOrNothing(file);
      if (key === undefined) return [];
      identities.set(file, key);
      let month = known.get(key);
      if (month === undefined) {
        const fd = openSync(file, 'r');
        try {
          const read = readSync(fd, head, 0, HEAD_BYTES, 0);
          month = pageMonth(head.toString('utf8', 0, read));
          // A head longer than that (the structured data of many quotations): the whole page.
          if (month === '' && read === HEAD_BYTES) month = pageMonth(readFileSync(file, 'utf8'));
        } finally {
          closeSync(fd);
        }
        known.set(key, month);
      }
      looked.set(key, month);
      return [{ page, month }];
    });
  return Object.assign(months, {
    /** The identity of a page file looked at (as above), or undefined if it was not. */
    identity: (file: string): string | undefined => identities.get(file),
    save(): void {
      if (!remembered) return;
      mkdirSync(path.dirname(remembered), { recursive: true });
      writeWhole(remembered, JSON.stringify(Object.fromEntries(looked)));
    },
  });
}

/** The months a build kept (pageMonths), or none if it kept none that can be read. */
function readRemembered(file: string): Record<string, string> {
  try {
    const kept: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof kept !== 'object' || kept === null || Array.isArray(kept)) return {};
    // Only months: any other value (a hand-edited file) would become a page's month; that page is read instead.
    return Object.fromEntries(Object.entries(kept).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

/** Where a build keeps the month of each article page it indexed (pageMonths). */
const pageMonthsCache = (root: string) => path.join(cacheFolder(root), 'search-page-months.json');

/** A file's identity (lib/file-identity), or nothing for a file that is not there. */
function identityOrNothing(file: string): string | undefined {
  const found = statOrNothing(file);
  return found ? fileIdentity(found) : undefined;
}

/**
 * Enough of a page to hold its head's search metadata (about 4-6 kB into an
 * article page): a rebuild reads this much of each of 5,000 pages before
 * Pagefind can start, and a longer head is read whole (pageMonths).
 */
export const HEAD_BYTES = 12 * 1024;

/** A shard's folder in a site. */
const shardDir = (site: string, folder: string) => path.join(site, pagefindShardUrl(folder));

/**
 * The shards of a previous site's index, as this code would cut them
 * (planShards), if this code made that index (its index of adjacent words
 * says so) with chunks of the same size.
 */
function previousShards(root: string, previous: string, months: ReturnType<typeof pageMonths>, chunk: number | undefined): Shard[] | undefined {
  const code = previousIndexCode(root, previous);
  const [manifest, phrases] = [path.join(previous, searchShardsUrl), path.join(previous, phraseIndexUrl)];
  if (!code || !existsSync(manifest) || !existsSync(phrases) || readJson<{ code?: string }>(phrases).code !== code) return undefined;
  if (readJson<StoredManifest>(manifest).chunk !== (chunk ?? 0)) return undefined;
  const pages = months(previous, articleFolders(previous));
  return planShards(pages, shardCount(pages.length, searchShardPages()));
}

/**
 * Whether a previous build's shard is the one this site's would be: the same
 * folder and pages, each page byte for byte. A page the rebuild copied is
 * the previous site's own file (integrations/page-reuse links it) and is
 * known by its identity, as pageMonths found it; one rendered again is read.
 * The first difference ends the look, so a rebuild after an article's edit
 * pays for a few reads.
 */
function sameShard(shard: Shard, theirs: Shard, site: string, previous: string, identity: (file: string) => string | undefined): boolean {
  if (shard.folder !== theirs.folder || shard.pages.length !== theirs.pages.length || shard.pages.some((page, i) => page !== theirs.pages[i])) return false;
  if (!existsSync(entryFile(shardDir(previous, shard.folder)))) return false;
  return shard.pages.every((page) => {
    const [a, b] = [path.join(site, page), path.join(previous, page)];
    // As pageMonths found them (a stat of each page of both sites again was a tenth of a second at 5,000 articles).
    const [x, y] = [identity(a), identity(b)];
    if (x !== undefined && x === y) return true;
    return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
  });
}

/** The list of shards as written: what the search page reads (ShardsManifest), and the size of chunk they were cut into (0 for Pagefind's own). */
type StoredManifest = ShardsManifest & { chunk: number };

/** Writes the list of shards, oldest first, each with the hash its entry file names its index by. */
function writeShardsManifest(site: string, shards: readonly Shard[], chunk: number | undefined): void {
  const manifest: StoredManifest = {
    shards: shards.map(({ folder }) => ({ folder, index: Object.values(readEntry(shardDir(site, folder)).languages)[0]!.hash })),
    chunk: chunk ?? 0,
  };
  mkdirSync(path.dirname(path.join(site, searchShardsUrl)), { recursive: true });
  writeFileSync(path.join(site, searchShardsUrl), JSON.stringify(manifest));
}

/**
 * Starts Pagefind's process (which `start` does at once) with word chunks of
 * `size` entries (lib/search-shards, indexChunkSize), through the variable
 * Pagefind 1.6 reads for it, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE
 * (pagefind/src/options.rs): unstable by its name, so a later Pagefind may
 * ignore it, and then writes chunks of its own size (a reader's first search
 * costs more, nothing breaks). A setting of the builder's own wins.
 */
export function withIndexChunkSize<T>(size: number | undefined, start: () => T): T {
  const own = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  if (size !== undefined && own === undefined) process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(size);
  try {
    return start();
  } finally {
    if (own === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  }
}

/** Every file of a folder, placed at the same place under another (placeFile: linked where it can be), but for the entries `except` names. */
function placeFolder(from: string, to: string, except: (name: string) => boolean = () => false): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (except(entry.name)) continue;
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
export function fragmentsAsWritten(folder: string, skip: Set<string>, shard = '') {
  const found = new Map<string, readonly number[]>();
  const ending = HASHED_FOLDERS.fragment;
  return {
    found,
    look(): void {
      if (!existsSync(folder)) return;
      for (const file of readdirSync(folder)) {
        const own = file.slice(0, -ending.length);
        const name = shardFragmentName(shard, own);
        if (!file.endsWith(ending) || found.has(name) || skip.has(own)) continue;
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
  const names = phraseIndexNames(previous, manifest);
  const pairs = names.map((): number[] => []);
  for (let bucket = 0; bucket < manifest.buckets; bucket++) {
    bucketEntries(new Uint8Array(readFileSync(file(phraseBucketUrl(bucket)))), bucket, manifest.buckets, (key, pages) => {
      for (const page of pages) pairs[page]!.push(key);
    });
  }
  return new Map(names.map((name, i) => [name, pairs[i]!]));
}

/**
 * The fragments of a site's indexed pages, each named with its shard's folder
 * (lib/search-shards, shardFragmentName): shard by shard, oldest first as the
 * list of shards has them, each in Pagefind's order of its pages, the order
 * the file system lists the links inNameOrder made, which the same names
 * give. A page keeps its place while no page is added or removed, whatever
 * changes in it.
 */
function fragmentNames(site: string): string[] {
  const manifest = path.join(site, searchShardsUrl);
  const folders = existsSync(manifest) ? readJson<ShardsManifest>(manifest).shards.map((shard) => shard.folder) : [''];
  return folders.flatMap((shard) => {
    const folder = shardDir(site, shard);
    return Object.values(readEntry(folder).languages).flatMap(({ hash }) => {
      const file = path.join(folder, metaFileName(hash));
      return readIndexMeta(gunzipSync(readFileSync(file)), file).pages.map((name) => shardFragmentName(shard, name));
    });
  });
}

/** The previous build's index of adjacent words, if the same code made it over as many pages: the one a rebuild can change. */
function changeablePhraseIndex(previous: string, code: string, pages: number): (PhraseManifest & { code: string }) | undefined {
  const file = path.join(previous, phraseIndexUrl);
  if (!existsSync(file)) return undefined;
  const manifest = readJson<PhraseManifest>(file);
  return manifest.code === code && manifest.pages === pages && manifest.pairs !== undefined ? { ...manifest, code } : undefined;
}

/** The fragments' names an index of adjacent words lists, in its order of pages. */
function phraseIndexNames(site: string, manifest: PhraseManifest): string[] {
  const names: string[] = [];
  for (let n = 0; n * manifest.pagesPerFile < manifest.pages; n++) names.push(...readJson<string[]>(path.join(site, phrasePagesUrl(n))));
  return names;
}

/**
 * Writes the files of the index of adjacent words: its manifest, the buckets
 * `bucket` gives (a file's bytes, or the file to place: the previous build's)
 * and the fragments' names.
 */
function writePhraseFiles(site: string, manifest: PhraseManifest, names: readonly string[], bucket: (n: number) => Uint8Array | string): void {
  const file = (url: string) => path.join(site, url);
  rmSync(path.dirname(file(phraseIndexUrl)), { recursive: true, force: true });
  mkdirSync(path.dirname(file(phraseIndexUrl)), { recursive: true });
  writeFileSync(file(phraseIndexUrl), JSON.stringify(manifest));
  for (let n = 0; n < manifest.buckets; n++) {
    const bytes = bucket(n);
    if (typeof bytes === 'string') placeFile(bytes, file(phraseBucketUrl(n)));
    else writeFileSync(file(phraseBucketUrl(n)), bytes);
  }
  for (let n = 0; n * manifest.pagesPerFile < names.length; n++) writeFileSync(file(phrasePagesUrl(n)), JSON.stringify(names.slice(n * manifest.pagesPerFile, (n + 1) * manifest.pagesPerFile)));
}

/**
 * The previous build's index of adjacent words changed into this build's,
 * when its pages are where they were (`was`: none added or removed): only
 * the pages whose fragment changed are read, in both builds, and only the
 * buckets of the pairs they lost or gained are written anew; the others are
 * the previous build's files (lib/phrase-index, changedBucket). After an
 * edit to one article, a few dozen of 4,096 buckets (docs/performance.md).
 * How many pages were read, and of those how many while Pagefind wrote; or
 * undefined when this cannot be done (a fragment of the previous build gone,
 * or a number of pairs that calls for another number of buckets), and the
 * index is written whole.
 */
function changePhraseIndex(site: string, previous: string, was: PhraseManifest & { code: string }, names: readonly string[], ahead: ReadAhead): { read: number; early: number } | undefined {
  const wasNames = phraseIndexNames(previous, was);
  const changes: PageChange[] = [];
  let pairs = was.pairs;
  let early = 0;
  for (let page = 0; page < names.length; page++) {
    const name = names[page]!;
    if (name === wasNames[page]) continue;
    const before = path.join(previous, pagefindFragmentUrl(wasNames[page]!));
    if (!existsSync(before)) return undefined;
    const had = new Set(fragmentPairs(before));
    const found = ahead.found.get(name);
    if (found) early++;
    const has = new Set(found ?? fragmentPairs(path.join(site, pagefindFragmentUrl(name))));
    const removed = [...had].filter((key) => !has.has(key));
    const added = [...has].filter((key) => !had.has(key));
    pairs += added.length - removed.length;
    changes.push({ page, removed, added });
  }
  const { buckets } = was;
  if (bucketsFor(pairs) !== buckets) return undefined;
  // Each bucket's share of the changes, page by page (changes come in page order).
  const byBucket = new Map<number, { page: number; removed: number[]; added: number[] }[]>();
  const changeIn = (bucket: number, page: number) => {
    const list = byBucket.get(bucket) ?? [];
    byBucket.set(bucket, list);
    if (list.at(-1)?.page !== page) list.push({ page, removed: [], added: [] });
    return list.at(-1)!;
  };
  for (const { page, removed, added } of changes) {
    for (const key of removed) changeIn(bucketOf(key, buckets), page).removed.push(key);
    for (const key of added) changeIn(bucketOf(key, buckets), page).added.push(key);
  }
  const wasBucket = (n: number) => path.join(previous, phraseBucketUrl(n));
  const manifest: PhraseManifest = { buckets, pagesPerFile: was.pagesPerFile, pages: names.length, pairs, code: was.code };
  writePhraseFiles(site, manifest, names, (n) => {
    const changed = byBucket.get(n);
    return changed ? changedBucket(new Uint8Array(readFileSync(wasBucket(n))), n, buckets, changed) : wasBucket(n);
  });
  return { read: changes.length, early };
}

/**
 * Writes the index of adjacent words (lib/phrase-index) from the fragments
 * Pagefind wrote, in the order of fragmentNames, so that a rebuild writes the
 * same files as a clean build. A rebuild whose pages are where they were
 * changes the previous build's index (changePhraseIndex). Otherwise: a
 * fragment is named by a hash of its page's data, so a page whose fragment
 * the previous build had has the pairs that build found; only the others are
 * read, but for those read while Pagefind wrote (`ahead`). How many pages,
 * how many not from the previous build, and of those how many were read
 * while Pagefind wrote.
 */
export async function writePhraseIndex(
  root: string,
  site: string,
  previous?: string,
  ahead: ReadAhead = { found: new Map() },
  /** The pages' fragments in order: a test's, to build a site's index without Pagefind's metadata. */
  names = fragmentNames(site),
): Promise<{ pages: number; read: number; early: number }> {
  const fileOf = (name: string) => path.join(site, pagefindFragmentUrl(name));
  const code = phraseCode(root, readEntry(pagefindFolder(site)).version);
  const was = previous ? changeablePhraseIndex(previous, code, names.length) : undefined;
  const changed = was && changePhraseIndex(site, previous!, was, names, ahead);
  if (changed) return { pages: names.length, ...changed };
  const known = !previous ? undefined : ahead.previous?.code === code ? ahead.previous.pairs : previousPairs(previous, code);
  const early = names.filter((name) => !known?.has(name) && ahead.found.has(name)).length;
  const unknown = names.filter((name) => !known?.has(name) && !ahead.found.has(name));
  // Half of them on a second thread, when there are enough to be worth starting one.
  const half = unknown.length >= THREAD_FROM ? Math.floor(unknown.length / 2) : 0;
  const helped = pairsOnThread(unknown.slice(0, half).map(fileOf));
  const readNow = new Map<string, readonly number[]>(unknown.slice(half).map((name) => [name, fragmentPairs(fileOf(name))]));
  (await helped).forEach((keys, i) => readNow.set(unknown[i]!, keys));
  const pairs = names.map((name) => known?.get(name) ?? ahead.found.get(name) ?? readNow.get(name)!);
  const phrases = buildPhraseIndex(pairs);
  writePhraseFiles(site, { ...phrases.manifest, code }, names, (n) => phrases.buckets[n]!);
  return { pages: names.length, read: early + unknown.length, early };
}
