import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articlesPageUrl, quotesPageUrl, timelinePageUrl } from '../../src/lib/routes';
import { readBuilt } from '../support/built-site';
import { fixtureContent } from '../support/fixture-build';
import { buildSite, expectSameAsClean } from '../support/rebuild';
import { MANY } from '../support/many-articles';

/*
 * The numbered pages of the long lists (the articles', the quotes', the
 * timeline's) are linked from the previous build when they would show what
 * they showed (data/page-reuse, listingPagesToRender), and made again when
 * not: either way, the site must be what a clean build writes. Built on the
 * collection longer than one page of each list (tests/support/many-articles).
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-listing-reuse-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const build = (content: string, name: string, cache: string) => buildSite(scratch, content, name, cache);

const fileOf = (url: string) => `${url.slice(1)}index.html`;
/** The file a built page is (its inode): the same after a rebuild when the page was linked from the build before. */
const inode = (out: string, url: string) => statSync(path.join(out, fileOf(url))).ino;

describe('the numbered pages of the long lists in a rebuild', () => {
  // Five builds of a hundred articles one after another; this limit only bounds a failure.
  it('are linked from the previous build when what they show is the same, made again when it is not, and equal a clean build', { timeout: 360_000 }, () => {
    const content = fixtureContent('many', MANY, scratch);
    const cache = path.join(scratch, 'cache');
    const second = [articlesPageUrl(2), quotesPageUrl(2), timelinePageUrl(2)];
    const first = build(content, 'site', cache);
    const before = second.map((url) => inode(first.out, url));

    // A paragraph added to an article changes no list: every numbered page is the previous build's file.
    const notes = readdirSync(path.join(content, 'articles')).filter((name) => name.startsWith('note-')).sort();
    const edited = notes[0]!.replace(/\.md$/, '');
    appendFileSync(path.join(content, 'articles', `${edited}.md`), '\nA paragraph added later, that no list shows.\n');
    appendFileSync(path.join(content, 'sources', `${edited}.txt`), '\nA paragraph added later, that no list shows.\n');
    const again = build(content, 'site', cache);
    expect(second.map((url) => inode(again.out, url))).toEqual(before);
    expectSameAsClean(again.out, build(content, 'clean', path.join(scratch, 'clean-cache')).out);

    // The title of the article the second page of the list shows first: that page is made again, with it.
    const listed = /href="\/articles\/([^/"]+)\/"/.exec(readBuilt(fileOf(articlesPageUrl(2)), again.out).split('<main')[1]!)![1]!;
    const title = /^title: "(.*)"$/m.exec(readFileSync(path.join(content, `articles/${listed}.md`), 'utf8'))![1]!;
    for (const file of [`articles/${listed}.md`, `sources/${listed}.txt`]) {
      const full = path.join(content, file);
      writeFileSync(full, readFileSync(full, 'utf8').replace(title, `${title}, retitled`));
    }
    const listedBefore = inode(again.out, articlesPageUrl(2));
    const retitled = build(content, 'site', cache);
    expect(inode(retitled.out, articlesPageUrl(2))).not.toBe(listedBefore);
    expect(readBuilt(fileOf(articlesPageUrl(2)), retitled.out)).toContain(', retitled</a>');
    expectSameAsClean(retitled.out, build(content, 'clean-retitled', path.join(scratch, 'clean-retitled-cache')).out);
  });
});
