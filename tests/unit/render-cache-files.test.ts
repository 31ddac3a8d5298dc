import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingStoredFile, storedFilesWritten } from '../../src/lib/article-record';
import { digestFiles, renderCache, storeOnThread, writeOnThread } from '../../src/loaders/render-cache';

/*
 * The files the articles loader keeps between builds (loaders/render-cache):
 * each build lists a folder once rather than asking after each file, so
 * these cases check that the listing never stands in for a file that is not
 * there.
 */
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const scratch = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'policy-reader-render-cache-'));
  folders.push(folder);
  return folder;
};

describe('files named by the digest of their text', () => {
  it('writes a file once, and does not work its text out again for a file that is there', () => {
    const dir = scratch();
    let made = 0;
    const text = () => (made++, '<p>An article.</p>');
    const first = digestFiles(dir, '.html');
    const file = first.keep('abc', text);
    expect(first.keep('abc', text)).toBe(file);
    expect(digestFiles(dir, '.html').keep('abc', text)).toBe(file);
    expect(made).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('<p>An article.</p>');
  });

  it('writes again, in the next build, a file removed since the last one', () => {
    const dir = scratch();
    const file = digestFiles(dir, '.json').keep('def', '{"blocks":[]}');
    rmSync(file);
    expect(digestFiles(dir, '.json').keep('def', '{"blocks":[]}')).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe('{"blocks":[]}');
  });

  it('in a build, leaves the writing to a thread, which puts each file in place whole', async () => {
    const dir = scratch();
    const later: [string, string][] = [];
    const files = digestFiles(dir, '.html', later);
    const file = files.keep('abc', '<p>An article.</p>');
    expect(files.keep('abc', '<p>An article.</p>')).toBe(file);
    expect(existsSync(file)).toBe(false);
    expect(await writeOnThread(later)).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('<p>An article.</p>');
    expect(readdirSync(dir)).toEqual(['abc.html']);
  });

  it('says why, when the thread cannot write a file', async () => {
    const dir = scratch();
    await expect(writeOnThread([[path.join(dir, 'no-such-folder', 'abc.html'), 'text']])).rejects.toThrow(/rendered files to the cache folder failed: .*ENOENT/);
  });

  it('in a build, a page reads a file the thread has not written yet from memory, and from disk once it has', async () => {
    const dir = scratch();
    const later: [string, string][] = [];
    const file = digestFiles(dir, '.html', later).keep('abc', '<p>An article.</p>');
    const written = storeOnThread(later);
    expect(pendingStoredFile(file)).toBe('<p>An article.</p>');
    expect(await written).toBe(1);
    expect(pendingStoredFile(file)).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('<p>An article.</p>');
  });

  it('in a build, a file the thread cannot write fails what the build awaits at its end', async () => {
    const dir = scratch();
    storeOnThread([[path.join(dir, 'no-such-folder', 'abc.html'), 'text']]);
    await expect(storedFilesWritten()).rejects.toThrow(/rendered files to the cache folder failed: .*ENOENT/);
  });

  it('prunes the files no article has now', () => {
    const dir = scratch();
    const files = digestFiles(dir, '.html');
    const kept = files.keep('kept', 'a');
    files.keep('gone', 'b');
    files.prune(new Set([kept]));
    expect(readdirSync(dir)).toEqual(['kept.html']);
  });
});

describe('an article’s rendering kept for the next build', () => {
  const cacheIn = (folder: string) =>
    renderCache({ dir: path.join(folder, 'article-render'), root: process.cwd(), digest: (v) => String(v.length), memory: new Map(), htmlDirs: [path.join(folder, 'article-html'), path.join(folder, 'article-html-dev')] });
  type Entry = Parameters<ReturnType<typeof renderCache>['set']>[1];

  it('is a miss, not an error, when its file is missing or cut short', () => {
    const folder = scratch();
    expect(cacheIn(folder).get('never-rendered')).toBeUndefined();
    writeFileSync(path.join(folder, 'article-render', 'cut-short.json'), '{"html": "<p>');
    expect(cacheIn(folder).get('cut-short')).toBeUndefined();
  });

  it('is read back by the next build as it was written, but for its HTML, which the next build finds in the file named by its digest', () => {
    const folder = scratch();
    const entry = { textKey: 'k', record: { slug: 'kept', file: 'kept.md', title: 'Kept', blocks: [], quotes: [] }, pageKey: 'p', html: '<p>Kept.</p>', htmlDigest: 'h1' } satisfies Entry;
    cacheIn(folder).set('kept', entry);
    const { html, ...rest } = entry;
    const read = cacheIn(folder).get('kept')!;
    expect(read).toEqual(rest);
    expect(readFileSync(path.join(folder, 'article-render', 'kept.json'), 'utf8')).not.toContain('Kept.</p>');
    // The loader keeps the HTML as a file named by its digest (digestFiles), in its own folder or, for `astro dev`, the other.
    digestFiles(path.join(folder, 'article-html-dev'), '.html').keep('h1', html);
    expect(cacheIn(folder).htmlOf(read)?.()).toBe('<p>Kept.</p>');
  });

  it('in a build, is left for the thread to write, and read back by the next build once written', async () => {
    const folder = scratch();
    const later: [string, string][] = [];
    const cache = renderCache({ dir: path.join(folder, 'article-render'), root: process.cwd(), digest: (v) => String(v.length), memory: new Map(), htmlDirs: [], later });
    cache.set('later', { textKey: 'k', record: { slug: 'later', file: 'later.md', title: 'Later', blocks: [], quotes: [] }, html: '<p>Later.</p>', htmlDigest: 'h4' });
    expect(cache.get('later')?.textKey).toBe('k');
    expect(cacheIn(folder).get('later')).toBeUndefined();
    await writeOnThread(later);
    expect(cacheIn(folder).get('later')?.textKey).toBe('k');
  });

  it('has no HTML to give, so the page is made again, when the file named by its digest is gone', () => {
    const folder = scratch();
    const entry = { textKey: 'k', record: { slug: 'gone', file: 'gone.md', title: 'Gone', blocks: [], quotes: [] }, pageKey: 'p', html: '<p>Gone.</p>', htmlDigest: 'h2' } satisfies Entry;
    cacheIn(folder).set('gone', entry);
    expect(cacheIn(folder).htmlOf(cacheIn(folder).get('gone')!)).toBeUndefined();
  });

  it('gives the HTML it holds in memory (astro dev, between reloads) without a file', () => {
    const folder = scratch();
    const cache = cacheIn(folder);
    cache.set('held', { textKey: 'k', record: { slug: 'held', file: 'held.md', title: 'Held', blocks: [], quotes: [] }, html: '<p>Held.</p>', htmlDigest: 'h3' });
    expect(cache.htmlOf(cache.get('held')!)?.()).toBe('<p>Held.</p>');
  });
});
