import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { articlePagesGlob } from '../lib/routes';
import { batchesOf, setSearchFeed, type ExpectedPage, type SearchFeed } from '../lib/search-feed';
import { HASHED_FOLDERS, metaFileName, namedHashes } from '../lib/search-index-files';
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
 * Pagefind runs in a process of its own. It reads the article pages in
 * batches while they are written (SearchFeeder, lib/search-feed), builds the
 * index once the last is (`start`, right after page reuse), and is awaited at
 * the very end (`finish`): the build's other last steps (sitemap, register,
 * cards, link check) run meanwhile on this process's core, and none of them
 * reads the index. A failure of Pagefind still fails the build.
 */
export default function searchIndex(): { start: AstroIntegration; finish: AstroIntegration } {
  let job: Promise<void> | undefined;
  let cacheDir = '';
  let outDir = '';
  let feeder: SearchFeeder | undefined;
  return {
    start: {
      name: 'policy-reader:search-index',
      hooks: {
        'astro:config:done': ({ config }) => {
          cacheDir = fileURLToPath(config.cacheDir);
          outDir = fileURLToPath(config.outDir);
        },
        'astro:build:start': () => {
          // Not in the site, whose pages the steps after the pages read; this build's own, as another may share the cache.
          const input = path.join(cacheDir, 'search-input', String(process.pid));
          // POLICY_READER_SEARCH_BATCH: another batch size (lib/search-feed), for tests of small collections.
          const batch = Number(process.env.POLICY_READER_SEARCH_BATCH) || undefined;
          feeder = new SearchFeeder({ site: outDir, previous: process.env.POLICY_READER_PREVIOUS || undefined, input, batch });
          setSearchFeed(feeder);
        },
        'astro:build:done': ({ dir, logger }) => {
          setSearchFeed(undefined);
          job = buildIndex(feeder!, fileURLToPath(dir), logger);
          // Awaited by `finish`; a failure meanwhile must not surface as an unhandled rejection.
          job.catch(() => {});
        },
      },
    },
    finish: {
      name: 'policy-reader:search-index-written',
      hooks: {
        'astro:build:done': async () => {
          await job;
        },
      },
    },
  };
}

const fail = (step: string, list: string[]) => {
  if (list.length > 0) throw new Error(`Search indexing failed while ${step}:\n  - ${list.join('\n  - ')}`);
};

async function buildIndex(feeder: SearchFeeder, site: string, logger: AstroIntegrationLogger): Promise<void> {
  const outputPath = path.join(site, 'pagefind');
  const started = performance.now();
  const previous = process.env.POLICY_READER_PREVIOUS && carryHashedFiles(path.join(process.env.POLICY_READER_PREVIOUS, 'pagefind'), outputPath);
  try {
    const { index, pages, early } = await feeder.finish();
    if (pages === 0) throw new Error('Search indexing found no pages with data-pagefind-body.');
    fail('writing the index', (await index.writeFiles({ outputPath })).errors);
    let kept = 0;
    if (previous) {
      if (readEntry(outputPath).version === previous.version) {
        kept = previous.files - removeUnnamed(outputPath);
      } else {
        // Another version of Pagefind may write the same hash differently: its own files, all of them.
        rmSync(outputPath, { recursive: true, force: true });
        fail('writing the index', (await index.writeFiles({ outputPath })).errors);
      }
    }
    const reuse = previous ? `, ${kept} of its files kept from the previous build` : '';
    logger.info(`indexed ${pages} pages, ${early} of them while the pages were written, in ${((performance.now() - started) / 1000).toFixed(1)} s after them${reuse}`);
  } finally {
    await pagefind.close();
    feeder.clear();
  }
}

/**
 * Gives Pagefind the article pages in batches of names (lib/search-feed),
 * each batch as links to its pages made in name order in a folder of its
 * own, once every page of the batch is written: a page this build renders
 * once the article route has gone past it, a page copied from the previous
 * build at once (its copy there is what the index reads). The links are
 * made in name order because Pagefind numbers the pages of a folder in the
 * order the file system lists them: by a hash of the names on some (ext4),
 * but by when each entry was made on others (tmpfs, btrfs).
 */
export class SearchFeeder implements SearchFeed {
  private batches: { names: string[]; fromPrevious: Set<string>; lastRendered: string | undefined }[] = [];
  private next = 0;
  /** The page the article route is rendering: the rendered pages before it are written. */
  private at: string | undefined;
  private done = false;
  private chain: Promise<void> = Promise.resolve();
  private index: Promise<pagefind.PagefindIndex> | undefined;
  private errors: string[] = [];
  private pages = 0;

  constructor(private readonly options: { site: string; previous?: string | undefined; input: string; batch?: number }) {}

  expect(pages: ExpectedPage[]): void {
    this.batches = batchesOf(pages, this.options.batch).map((batch) => {
      const fromPrevious = new Set(this.options.previous ? batch.filter((p) => !p.rendered).map((p) => p.name) : []);
      return { names: batch.map((p) => p.name), fromPrevious, lastRendered: batch.findLast((p) => !fromPrevious.has(p.name))?.name };
    });
    this.next = 0;
    this.feed();
  }

  rendering(name: string): void {
    this.at = name;
    this.feed();
  }

  /** Every page is written: the rest are given, and the index is Pagefind's, ready to write. */
  async finish(): Promise<{ index: pagefind.PagefindIndex; pages: number; early: number }> {
    const early = this.pages;
    this.done = true;
    this.feed();
    await this.chain;
    fail('reading the pages', this.errors);
    return { index: await this.start(), pages: this.pages, early };
  }

  clear(): void {
    rmSync(this.options.input, { recursive: true, force: true });
  }

  private written(batch: (typeof this.batches)[number]): boolean {
    return this.done || batch.lastRendered === undefined || (this.at !== undefined && batch.lastRendered < this.at);
  }

  private feed(): void {
    while (this.next < this.batches.length && this.written(this.batches[this.next]!)) {
      const number = this.next++;
      const batch = this.batches[number]!;
      this.chain = this.chain.then(() => this.add(number, batch));
    }
  }

  private start(): Promise<pagefind.PagefindIndex> {
    this.index ??= pagefind.createIndex({ forceLanguage: 'en' }).then(({ index, errors }) => {
      fail('starting Pagefind', errors);
      if (!index) throw new Error('Search indexing failed: Pagefind returned no index.');
      return index;
    });
    return this.index;
  }

  private async add(number: number, batch: (typeof this.batches)[number]): Promise<void> {
    try {
      const folder = path.join(this.options.input, String(number));
      rmSync(folder, { recursive: true, force: true });
      const [parent, file] = articlePagesGlob().split('/*/') as [string, string];
      for (const name of batch.names) {
        const page = path.join(parent, name, file);
        const from = path.join(batch.fromPrevious.has(name) ? this.options.previous! : this.options.site, page);
        // Every page the site will have: one missing was not written yet, and would be left out of the index.
        if (!existsSync(from)) throw new Error(`${page} was not written when its batch was read (the article route renders in name order, data/search-feed)`);
        placeFile(from, path.join(folder, page));
      }
      const added = await (await this.start()).addDirectory({ path: folder, glob: articlePagesGlob() });
      this.errors.push(...added.errors);
      this.pages += added.page_count;
    } catch (error) {
      this.errors.push((error as Error).message);
    }
  }
}

interface Entry {
  version: string;
  languages: Record<string, { hash: string }>;
}

const readEntry = (folder: string) => JSON.parse(readFileSync(path.join(folder, 'pagefind-entry.json'), 'utf8')) as Entry;

/** Links the previous index's hashed files into the new index's folder; its Pagefind version, and how many files. */
function carryHashedFiles(from: string, to: string): { version: string; files: number } | undefined {
  if (!existsSync(path.join(from, 'pagefind-entry.json'))) return undefined;
  let files = 0;
  for (const folder of Object.keys(HASHED_FOLDERS)) {
    if (!existsSync(path.join(from, folder))) continue;
    for (const name of readdirSync(path.join(from, folder))) {
      placeFile(path.join(from, folder, name), path.join(to, folder, name));
      files++;
    }
  }
  for (const name of readdirSync(from).filter((n) => n.endsWith('.pf_meta'))) {
    placeFile(path.join(from, name), path.join(to, name));
    files++;
  }
  return { version: readEntry(from).version, files };
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
