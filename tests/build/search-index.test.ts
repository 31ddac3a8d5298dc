import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
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
