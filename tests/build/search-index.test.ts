import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { buildIndex, fragmentsAsWritten, inNameOrder, PAGEFIND_ALLOCATOR, withIndexChunkSize, withPagefindAllocator, writePhraseIndex } from '../../src/integrations/search-index';
import { fragmentPairs } from '../../src/integrations/search-fragments';
import { phraseCandidates } from '../../src/lib/phrase-index';
import { articlePagesGlob, entityShardUrl, pagefindChunkUrl, pagefindFilterUrl, phraseBucketUrl, phraseIndexUrl, phrasePagesUrl, searchShardsUrl, vocabularyUrl } from '../../src/lib/routes';
import { MOST_SEARCH_SHARDS, pageMonth, SEARCH_SHARD_PAGES, type ShardsManifest } from '../../src/lib/search-shards';
import { SHARDS, shardOf } from '../../src/lib/did-you-mean';
import { phraseSourceOver } from '../../src/lib/search-engine';
import { chunksForWord, HASHED_FOLDERS, metaFileName, namedHashes, readIndexMeta } from '../../src/lib/search-index-files';
import { SEARCH_INPUT } from '../../src/integrations/build-settings';
import { builtPages, dist, readBuilt } from '../support/built-site';
import { root } from '../support/fixture-build';

/*
 * The search index is built from the article pages alone (integrations/search-index),
 * so a page elsewhere that asked to be indexed would be silently left out.
 */
const asksToBeIndexed = builtPages().filter((file) => readBuilt(file).includes('data-pagefind-body'));
const articlePage = new RegExp(`^/${articlePagesGlob().replaceAll('.', '\\.').replace('*', '[^/]+')}$`);

describe('the search index', () => {
  it('fails a site with no article page to index, saying so, rather than publish an empty search', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'search-empty-'));
    try {
      writeFileSync(path.join(empty, 'index.html'), '<!doctype html><html lang="en"><title>Home</title><body><p>Nothing to search.</p></body></html>');
      const run = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/finish-build.mjs', empty], { cwd: root, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Search indexing found no pages with data-pagefind-body');
      expect(existsSync(path.join(empty, 'pagefind'))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('starts Pagefind’s process with the allocator settings of a one-off run, or the builder’s own, and leaves the build’s environment as it was', async () => {
    // What the process Pagefind's API starts was given: read from /proc, as nothing else shows it.
    const pagefindsEnvironment = () => {
      const child = readdirSync('/proc')
        .filter((pid) => /^\d+$/.test(pid))
        .find((pid) => {
          try {
            const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
            return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('pagefind');
          } catch {
            return false;
          }
        });
      return child && readFileSync(`/proc/${child}/environ`, 'utf8').split('\0');
    };
    const own = process.env._RJEM_MALLOC_CONF;
    try {
      for (const [builders, given] of [
        [undefined, PAGEFIND_ALLOCATOR],
        ['narenas:1', 'narenas:1'],
      ] as const) {
        if (builders === undefined) delete process.env._RJEM_MALLOC_CONF;
        else process.env._RJEM_MALLOC_CONF = builders;
        await withPagefindAllocator(() => pagefind.createIndex({ forceLanguage: 'en' }));
        expect(pagefindsEnvironment()).toContain(`_RJEM_MALLOC_CONF=${given}`);
        expect(process.env._RJEM_MALLOC_CONF).toBe(builders);
        await pagefind.close();
      }
    } finally {
      if (own === undefined) delete process.env._RJEM_MALLOC_CONF;
      else process.env._RJEM_MALLOC_CONF = own;
    }
  });

  it('cuts its word chunks to the size a shard asks for, which the installed Pagefind honours, and leaves the build’s environment as it was (seed articles)', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'search-chunks-'));
    const chunksWith = async (size: number | undefined) => {
      const { index } = await withIndexChunkSize(size, () => pagefind.createIndex({ forceLanguage: 'en' }));
      await index!.addDirectory({ path: inNameOrder(dist, path.join(scratch, `input-${size}`)), glob: articlePagesGlob() });
      const out = path.join(scratch, `index-${size}`);
      await index!.writeFiles({ outputPath: out });
      await pagefind.close();
      return readdirSync(path.join(out, 'index')).length;
    };
    const own = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    try {
      delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
      // Pagefind's own size holds the seed articles' few thousand words in a chunk or two; a tenth of a shard's, in many.
      expect(await chunksWith(200)).toBeGreaterThan(await chunksWith(undefined));
      expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
    } finally {
      if (own !== undefined) process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = own;
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('is asked for by article pages only, which the indexer reads', () => {
    expect(asksToBeIndexed.length).toBeGreaterThan(0);
    expect(asksToBeIndexed.filter((file) => !articlePage.test(file))).toEqual([]);
  });

  it('has every shard of the entities and the vocabulary a query can ask for, so no search asks for a file that is not there', () => {
    for (const shard of SHARDS) {
      expect(JSON.parse(readBuilt(entityShardUrl(shard)))).toBeInstanceOf(Array);
      expect(JSON.parse(readBuilt(vocabularyUrl(shard)))).toBeInstanceOf(Array);
    }
    // Whatever the letters of a query's words, its shards are among them.
    expect(SHARDS).toEqual(expect.arrayContaining([...new Set(['Émile', 'xylophone', '3M', '“quoted”', 'Zoë', 'ñandú'].map(shardOf))]));
  });

  it('is one shard, in Pagefind’s own folder, for a collection of fewer than a shard’s pages, as the list of shards says (seed articles)', () => {
    expect(asksToBeIndexed.length).toBeLessThanOrEqual(SEARCH_SHARD_PAGES);
    const { shards } = JSON.parse(readBuilt(searchShardsUrl)) as ShardsManifest;
    const { languages } = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
    expect(shards).toEqual([{ folder: '', index: Object.values(languages)[0]!.hash }]);
  });

  it('holds one result for every page that asks to be indexed', () => {
    const fragments = readdirSync(path.join(dist, 'pagefind', 'fragment'));
    expect(fragments.length).toBe(asksToBeIndexed.length);
  });

  it('names in its metadata every hashed file it has, and no other: what a rebuild keeps of the previous index', () => {
    const index = path.join(dist, 'pagefind');
    const { languages } = JSON.parse(readFileSync(path.join(index, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
    const named = Object.entries(languages).flatMap(([language, { hash }]) => [...namedHashes(gunzipSync(readFileSync(path.join(index, metaFileName(hash)))), language)]);
    const files = Object.entries(HASHED_FOLDERS).flatMap(([folder, ending]) => readdirSync(path.join(index, folder)).map((name) => name.slice(0, -ending.length)));
    expect(files.length).toBeGreaterThan(0);
    expect(named.sort()).toEqual(files.sort());
  });

  it('says in its metadata, as the search page reads it, which word chunk holds which words, and each facet’s filter chunk', () => {
    const index = path.join(dist, 'pagefind');
    const { languages } = JSON.parse(readFileSync(path.join(index, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
    const { hash } = Object.values(languages)[0]!;
    const meta = readIndexMeta(gunzipSync(readFileSync(path.join(index, metaFileName(hash)))), metaFileName(hash));
    expect(meta.chunks.length).toBeGreaterThan(0);
    for (const chunk of meta.chunks) {
      expect(existsSync(path.join(dist, pagefindChunkUrl(chunk.hash)))).toBe(true);
      expect(chunk.from <= chunk.to).toBe(true);
    }
    // A word of the seed articles lies in the chunks chosen for it.
    expect(chunksForWord(meta, 'leadership').length).toBeGreaterThan(0);
    expect(meta.filters.map((f) => f.facet)).toEqual(expect.arrayContaining(['publisher', 'year']));
    for (const filter of meta.filters) expect(existsSync(path.join(dist, pagefindFilterUrl(filter.hash)))).toBe(true);
  });
});

/*
 * Pagefind numbers pages in the order it finds them, and tmpfs (like btrfs)
 * lists a folder's entries in the order they were made, where ext4 lists them
 * by a hash of their names. A rebuild writes the article folders in another
 * order than a clean build, so the index is made from links in name order.
 */
describe('the search index, whatever order the article pages were written in', () => {
  const pages = builtPages().filter((file) => articlePage.test(file));
  const scratch = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'search-order-'));

  async function indexWrittenInOrder(name: string, order: string[]): Promise<Map<string, string>> {
    const site = path.join(scratch, name);
    for (const page of order) {
      mkdirSync(path.dirname(path.join(site, page)), { recursive: true });
      copyFileSync(path.join(dist, page), path.join(site, page));
    }
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    await index!.addDirectory({ path: inNameOrder(site, path.join(scratch, `${name}-input`)), glob: articlePagesGlob() });
    const out = path.join(scratch, `${name}-index`);
    await index!.writeFiles({ outputPath: out });
    const files = new Map<string, string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else files.set(path.relative(out, full), readFileSync(full, 'base64'));
      }
    };
    walk(out);
    return files;
  }

  it('is the same index, file for file, when the pages were written in the opposite order', async () => {
    expect(pages.length).toBeGreaterThan(1);
    try {
      const forwards = await indexWrittenInOrder('forwards', [...pages].sort());
      const backwards = await indexWrittenInOrder('backwards', [...pages].sort().reverse());
      expect(forwards.size).toBeGreaterThan(0);
      expect([...backwards.keys()].sort()).toEqual([...forwards.keys()].sort());
      for (const [file, bytes] of forwards) expect(backwards.get(file), file).toBe(bytes);
    } finally {
      await pagefind.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('the search index in shards', () => {
  it('cuts pages by their month even when a page’s head is long, one shard a month here (seed articles)', async () => {
    const pages = builtPages().filter((file) => articlePage.test(file));
    const months = new Set(pages.map((page) => pageMonth(readBuilt(page))));
    expect(months.has('')).toBe(false);
    const site = mkdtempSync(path.join(os.tmpdir(), 'search-shards-'));
    const own = process.env.POLICY_READER_SEARCH_SHARD_PAGES;
    try {
      // Each page's head made longer than what the index reads of it first, before the date it is cut by.
      for (const page of pages) {
        mkdirSync(path.dirname(path.join(site, page)), { recursive: true });
        writeFileSync(path.join(site, page), readBuilt(page).replace('<head>', `<head><meta name="padding" content="${'x'.repeat(64 * 1024)}">`));
      }
      process.env.POLICY_READER_SEARCH_SHARD_PAGES = '1';
      await buildIndex(root, site, path.join(site, SEARCH_INPUT), { info: () => {} });
      const { shards } = JSON.parse(readFileSync(path.join(site, searchShardsUrl), 'utf8')) as ShardsManifest;
      expect(shards).toHaveLength(Math.min(months.size, MOST_SEARCH_SHARDS));
    } finally {
      if (own === undefined) delete process.env.POLICY_READER_SEARCH_SHARD_PAGES;
      else process.env.POLICY_READER_SEARCH_SHARD_PAGES = own;
      rmSync(site, { recursive: true, force: true });
    }
  });
});

/*
 * The index of adjacent words (lib/phrase-index) is made from Pagefind's
 * fragments, in Pagefind's order of the pages. A rebuild whose pages are
 * where they were changes the previous build's index; one that added or
 * removed a page takes the pairs of the pages whose fragments the previous
 * build had from that build's index, and reads only the others.
 */
describe('the index of adjacent words, built again', () => {
  const phrases = path.dirname(phraseIndexUrl);
  const filesOf = (site: string) => Object.fromEntries(readdirSync(path.join(site, phrases)).map((name) => [name, readFileSync(path.join(site, phrases, name))]));
  /** A copy of the built site's index, its metadata and fragments, to build again. */
  const copySite = () => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'phrases-'));
    for (const folder of ['pagefind/fragment', phrases]) {
      mkdirSync(path.join(site, folder), { recursive: true });
      for (const name of readdirSync(path.join(dist, folder))) copyFileSync(path.join(dist, folder, name), path.join(site, folder, name));
    }
    for (const name of readdirSync(path.join(dist, 'pagefind')).filter((n) => n === 'pagefind-entry.json' || n.endsWith('.pf_meta'))) {
      copyFileSync(path.join(dist, 'pagefind', name), path.join(site, 'pagefind', name));
    }
    return site;
  };
  /** The built index's fragments, in its order of pages. */
  const builtNames = () => {
    const { pages, pagesPerFile } = JSON.parse(readFileSync(path.join(dist, phraseIndexUrl), 'utf8')) as { pages: number; pagesPerFile: number };
    return Array.from({ length: Math.ceil(pages / pagesPerFile) }, (_, n) => JSON.parse(readFileSync(path.join(dist, phrasePagesUrl(n)), 'utf8')) as string[]).flat();
  };
  /** As if other code had made the site's index of adjacent words. */
  const madeByOtherCode = (site: string) => {
    const manifest = path.join(site, phraseIndexUrl);
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), code: 'other' }));
  };
  /**
   * Indexes the built article pages again, in a rebuild whose previous build is a copy of the built
   * site, made by other code; what it says of the phrase index, and its phrase index's files.
   */
  const rebuildAfterCodeChange = async (beside: { checks?: () => void } | undefined) => {
    const previous = mkdtempSync(path.join(os.tmpdir(), 'phrases-previous-'));
    const site = mkdtempSync(path.join(os.tmpdir(), 'phrases-site-'));
    try {
      cpSync(dist, previous, { recursive: true, dereference: true });
      madeByOtherCode(previous);
      // The new build's pages, without its index: the previous one's files are carried in, as a rebuild does.
      for (const page of builtPages().filter((file) => articlePage.test(file))) {
        mkdirSync(path.dirname(path.join(site, page)), { recursive: true });
        copyFileSync(path.join(dist, page), path.join(site, page));
      }
      process.env.POLICY_READER_PREVIOUS = previous;
      const said: string[] = [];
      await buildIndex(root, site, path.join(site, SEARCH_INPUT), { info: (message) => said.push(message) }, beside);
      return { said: said.at(-1)!, pages: readdirSync(path.join(site, 'pagefind/fragment')).length, files: filesOf(site) };
    } finally {
      delete process.env.POLICY_READER_PREVIOUS;
      rmSync(previous, { recursive: true, force: true });
      rmSync(site, { recursive: true, force: true });
    }
  };

  it('numbers the pages in Pagefind’s order, which a page keeps when its text changes (seed articles)', () => {
    const meta = readdirSync(path.join(dist, 'pagefind')).find((n) => n.endsWith('.pf_meta'))!;
    expect(builtNames()).toEqual(readIndexMeta(gunzipSync(readFileSync(path.join(dist, 'pagefind', meta))), meta).pages);
  });

  it('after an edit to one page, reads that page alone, writes anew only the buckets of the pairs it lost or gained, and writes what a clean build writes', async () => {
    const previous = copySite();
    const next = copySite();
    try {
      // The previous build had an older version of one page: with a sentence since removed, of words no article has, so
      // its three pairs are the only ones lost, whatever the collection holds.
      const names = builtNames();
      const page = names.length - 1;
      const bytes = gunzipSync(readFileSync(path.join(dist, 'pagefind/fragment', `${names[page]}.pf_fragment`)));
      const fragment = JSON.parse(bytes.subarray(12).toString()) as { content: string };
      const older = { ...fragment, content: `${fragment.content} Zqxvy wobblequist florbinate.` };
      const olderName = 'en_0123456789';
      writeFileSync(path.join(previous, 'pagefind/fragment', `${olderName}.pf_fragment`), gzipSync(Buffer.concat([bytes.subarray(0, 12), Buffer.from(JSON.stringify(older))])));
      await writePhraseIndex(root, previous, undefined, undefined, names.with(page, olderName));
      const { pages, read } = await writePhraseIndex(root, next, previous);
      expect([pages, read]).toEqual([names.length, 1]);
      expect(filesOf(next)).toEqual(filesOf(dist));
      const { buckets } = JSON.parse(readFileSync(path.join(next, phraseIndexUrl), 'utf8')) as { buckets: number };
      const inode = (site: string, n: number) => statSync(path.join(site, phraseBucketUrl(n))).ino;
      const writtenAnew = Array.from({ length: buckets }, (_, n) => n).filter((n) => inode(next, n) !== inode(previous, n));
      expect(writtenAnew.length).toBeGreaterThan(0);
      expect(writtenAnew.length).toBeLessThanOrEqual(3);
      expect(writtenAnew.length).toBeLessThan(buckets);
    } finally {
      rmSync(previous, { recursive: true, force: true });
      rmSync(next, { recursive: true, force: true });
    }
  });

  it('after a page was added, reads only the fragments the previous build did not have, and writes what reading them all writes', async () => {
    const previous = copySite();
    const next = copySite();
    try {
      // The previous build without one page.
      const names = builtNames();
      await writePhraseIndex(root, previous, undefined, undefined, names.slice(1));
      const { pages, read } = await writePhraseIndex(root, next, previous);
      expect(read).toBe(1);
      expect(pages).toBe(names.length);
      expect(filesOf(next)).toEqual(filesOf(dist));
    } finally {
      rmSync(previous, { recursive: true, force: true });
      rmSync(next, { recursive: true, force: true });
    }
  });

  it('takes the pairs of the fragments read while Pagefind wrote, and a fragment still being written only once it is whole', async () => {
    const site = copySite();
    const growing = mkdtempSync(path.join(os.tmpdir(), 'phrases-growing-'));
    try {
      const folder = path.join(site, 'pagefind/fragment');
      const [first, second] = readdirSync(folder).sort();
      const reader = fragmentsAsWritten(path.join(growing, 'fragment'), new Set([second!.slice(0, -HASHED_FOLDERS.fragment.length)]));
      reader.look();
      mkdirSync(path.join(growing, 'fragment'));
      const bytes = readFileSync(path.join(folder, first!));
      // Half written, as Pagefind leaves it for a moment: not read.
      writeFileSync(path.join(growing, 'fragment', first!), bytes.subarray(0, bytes.length >> 1));
      copyFileSync(path.join(folder, second!), path.join(growing, 'fragment', second!));
      reader.look();
      expect(reader.found.size).toBe(0);
      writeFileSync(path.join(growing, 'fragment', first!), bytes);
      reader.look();
      const name = first!.slice(0, -HASHED_FOLDERS.fragment.length);
      expect([...reader.found.keys()]).toEqual([name]);
      expect(reader.found.get(name)).toEqual(fragmentPairs(path.join(folder, first!)));
      // Pairs already read are not read again, and the index is the one reading them all writes.
      const { read, early } = await writePhraseIndex(root, site, undefined, { found: reader.found });
      expect([read, early]).toEqual([readdirSync(folder).length, 1]);
      expect(filesOf(site)).toEqual(filesOf(dist));
    } finally {
      rmSync(site, { recursive: true, force: true });
      rmSync(growing, { recursive: true, force: true });
    }
  });

  it('reads the previous build’s fragments while Pagefind writes when other code made its index of adjacent words, and writes what a clean build writes', async () => {
    const { said, pages, files } = await rebuildAfterCodeChange({});
    expect(said).toContain(`${pages} read while Pagefind wrote`);
    expect(files).toEqual(filesOf(dist));
  });

  it('reads nothing while Pagefind writes for a site too large for work beside it, and writes the same index after', async () => {
    const { said, files } = await rebuildAfterCodeChange(undefined);
    expect(said).not.toContain('read while Pagefind wrote');
    expect(files).toEqual(filesOf(dist));
  });

  it('reads every fragment again when the previous index was made by other code', async () => {
    const previous = copySite();
    const next = copySite();
    try {
      madeByOtherCode(previous);
      const { pages, read } = await writePhraseIndex(root, next, previous);
      expect(read).toBe(pages);
      expect(filesOf(next)).toEqual(filesOf(dist));
    } finally {
      rmSync(previous, { recursive: true, force: true });
      rmSync(next, { recursive: true, force: true });
    }
  });

  it('reads a large site’s fragments on two threads, and finds a phrase in every page that has it', async () => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'phrases-many-'));
    try {
      const fragments = path.join(site, 'pagefind/fragment');
      mkdirSync(fragments, { recursive: true });
      copyFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), path.join(site, 'pagefind', 'pagefind-entry.json'));
      const seeds = readdirSync(path.join(dist, 'pagefind/fragment'));
      // Enough pages for a second thread: copies of the built fragments, under names of their own.
      const copies = 90;
      seeds.forEach((name, s) => {
        for (let i = 0; i < copies; i++) copyFileSync(path.join(dist, 'pagefind/fragment', name), path.join(fragments, `en_${s}${String(i).padStart(4, '0')}.pf_fragment`));
      });
      const { pages, read } = await writePhraseIndex(root, site, undefined, undefined, readdirSync(fragments).sort().map((n) => n.slice(0, -HASHED_FOLDERS.fragment.length)));
      expect(pages).toBe(seeds.length * copies);
      expect(read).toBe(pages);
      const { files } = phraseSourceOver(async (url) => new Uint8Array(readFileSync(path.join(site, url))));
      // Each seed page's opening words, as a phrase: every copy of that page has them.
      for (let s = 0; s < seeds.length; s++) {
        const { content } = JSON.parse(gunzipSync(readFileSync(path.join(dist, 'pagefind/fragment', seeds[s]!))).subarray(12).toString()) as { content: string };
        const found = await phraseCandidates(files, [content.split(/\s+/).slice(0, 6).join(' ')], pages);
        expect(found?.filter((name) => name.startsWith(`en_${s}`))).toHaveLength(copies);
      }
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
