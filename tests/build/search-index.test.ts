import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articlePagesGlob } from '../../src/lib/routes';
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
});
