import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { SearchFeeder } from '../../src/integrations/search-index';
import { articlePagesGlob } from '../../src/lib/routes';
import { HASHED_FOLDERS, metaFileName, namedHashes } from '../../src/lib/search-index-files';
import { builtPages, dist, readBuilt } from '../support/built-site';

/*
 * The search index is built from the article pages alone (integrations/search-index),
 * so a page elsewhere that asked to be indexed would be silently left out.
 */
const asksToBeIndexed = builtPages().filter((file) => readBuilt(file).includes('data-pagefind-body'));
const articlePage = new RegExp(`^/${articlePagesGlob().replaceAll('.', '\\.').replace('*', '[^/]+')}$`);

describe('the search index', () => {
  it('is asked for by article pages only, which the indexer reads', () => {
    expect(asksToBeIndexed.length).toBeGreaterThan(0);
    expect(asksToBeIndexed.filter((file) => !articlePage.test(file))).toEqual([]);
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
});

/*
 * Pagefind numbers pages in the order it is given them, and tmpfs (like
 * btrfs) lists a folder's entries in the order they were made, where ext4
 * lists them by a hash of their names. A rebuild writes the article folders
 * in another order than a clean build, and a build gives the pages to the
 * index in batches while they are written (lib/search-feed): the index must
 * be the same however and whenever the pages were written.
 */
describe('the search index, whatever order and time the article pages were written in', () => {
  const pages = builtPages().filter((file) => articlePage.test(file));
  const names = pages.map((page) => page.split('/').at(-2)!).sort();
  const scratch = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'search-order-'));

  /** The index of the article pages copied in `order`; with `fed`, given to the index batch by batch as each page is written. */
  async function indexWrittenInOrder(name: string, order: string[], fed: boolean): Promise<Map<string, string>> {
    const site = path.join(scratch, name);
    // Batches of two pages, so that even a small collection has several.
    const feeder = new SearchFeeder({ site, input: path.join(scratch, `${name}-input`), batch: 2 });
    if (fed) feeder.expect(names.map((n) => ({ name: n, rendered: true })));
    for (const page of order) {
      if (fed) feeder.rendering(page.split('/').at(-2)!);
      mkdirSync(path.dirname(path.join(site, page)), { recursive: true });
      copyFileSync(path.join(dist, page), path.join(site, page));
    }
    if (!fed) feeder.expect(names.map((n) => ({ name: n, rendered: true })));
    const { index, pages: count } = await feeder.finish();
    expect(count).toBe(names.length);
    const out = path.join(scratch, `${name}-index`);
    await index.writeFiles({ outputPath: out });
    await pagefind.close();
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

  const sameIndex = (one: Map<string, string>, other: Map<string, string>) => {
    expect(one.size).toBeGreaterThan(0);
    expect([...other.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [file, bytes] of one) expect(other.get(file), file).toBe(bytes);
  };

  it('is the same index, file for file, when the pages were written in the opposite order, or read while being written', async () => {
    expect(pages.length).toBeGreaterThan(2);
    try {
      const forwards = await indexWrittenInOrder('forwards', [...pages].sort(), false);
      sameIndex(forwards, await indexWrittenInOrder('backwards', [...pages].sort().reverse(), false));
      sameIndex(forwards, await indexWrittenInOrder('fed', [...pages].sort(), true));
    } finally {
      await pagefind.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('fails, rather than leave a page out, when a batch is read before its pages are written', async () => {
    const site = path.join(scratch, 'early');
    const feeder = new SearchFeeder({ site, input: path.join(scratch, 'early-input'), batch: 2 });
    feeder.expect(names.map((n) => ({ name: n, rendered: true })));
    // Said to be past every page, with none of them written.
    feeder.rendering('\uffff');
    try {
      await expect(feeder.finish()).rejects.toThrow(/was not written when its batch was read/);
    } finally {
      await pagefind.close();
      feeder.clear();
    }
  });
});
