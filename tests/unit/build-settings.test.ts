import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checksAfterAstro, indexBesideAstro, searchShardPages } from '../../src/integrations/build-settings';
import { SEARCH_SHARD_PAGES } from '../../src/lib/search-shards';
import { articlePagesFolder } from '../../src/lib/routes';

const sites: string[] = [];
afterEach(() => {
  delete process.env.POLICY_READER_CHECKS_AFTER_ASTRO_UP_TO;
  delete process.env.POLICY_READER_INDEX_BESIDE_ASTRO_UP_TO;
  delete process.env.POLICY_READER_SEARCH_SHARD_PAGES;
  for (const site of sites.splice(0)) rmSync(site, { recursive: true, force: true });
});

/** A built site with these article pages, and the second page of the list of articles beside them. */
function siteWith(slugs: string[]): string {
  const site = mkdtempSync(path.join(tmpdir(), 'policy-reader-build-settings-'));
  sites.push(site);
  const [folder, file] = articlePagesFolder();
  for (const slug of slugs) {
    mkdirSync(path.join(site, folder, slug), { recursive: true });
    writeFileSync(path.join(site, folder, slug, file), '<p>An article.</p>');
  }
  mkdirSync(path.join(site, folder, 'page', '2'), { recursive: true });
  writeFileSync(path.join(site, folder, 'page', '2', 'index.html'), '<p>The second page of the list.</p>');
  return site;
}

describe('where the checks of a built site run', () => {
  it('leaves them to the step after Astro up to the limit of article pages, not counting the pages of the list of articles', () => {
    process.env.POLICY_READER_CHECKS_AFTER_ASTRO_UP_TO = '2';
    expect(checksAfterAstro(siteWith(['first', 'second']))).toBe(true);
    expect(checksAfterAstro(siteWith(['first', 'second', 'third']))).toBe(false);
  });

  it('keeps them in Astro’s build when the limit is 0, for a machine short of memory', () => {
    process.env.POLICY_READER_CHECKS_AFTER_ASTRO_UP_TO = '0';
    expect(checksAfterAstro(siteWith(['first']))).toBe(false);
  });
});

describe('whether the search index starts while Astro writes the rest of the site', () => {
  it('starts beside Astro up to the limit of article pages, not counting the pages of the list of articles', () => {
    process.env.POLICY_READER_INDEX_BESIDE_ASTRO_UP_TO = '2';
    expect(indexBesideAstro(siteWith(['first', 'second']))).toBe(true);
    expect(indexBesideAstro(siteWith(['first', 'second', 'third']))).toBe(false);
  });

  it('waits for Astro to exit when the limit is 0, for a machine short of memory', () => {
    process.env.POLICY_READER_INDEX_BESIDE_ASTRO_UP_TO = '0';
    expect(indexBesideAstro(siteWith(['first']))).toBe(false);
  });
});

describe('how many article pages a shard of the search index holds', () => {
  it('is the project’s size unless the builder gives another', () => {
    expect(searchShardPages()).toBe(SEARCH_SHARD_PAGES);
    process.env.POLICY_READER_SEARCH_SHARD_PAGES = '30';
    expect(searchShardPages()).toBe(30);
  });

  it('fails with the setting’s name, its value and the fix for what is not a whole number above 0', () => {
    for (const given of ['abc', '0', '-5', '12.5']) {
      process.env.POLICY_READER_SEARCH_SHARD_PAGES = given;
      expect(() => searchShardPages()).toThrow(`POLICY_READER_SEARCH_SHARD_PAGES is "${given}": give a whole number of article pages`);
    }
  });
});
