import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestFiles, renderCache } from '../../src/loaders/render-cache';

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
  const cacheIn = (folder: string) => renderCache({ dir: path.join(folder, 'article-render'), root: process.cwd(), digest: (v) => String(v.length), memory: new Map() });

  it('is a miss, not an error, when its file is missing or cut short', () => {
    const folder = scratch();
    expect(cacheIn(folder).get('never-rendered')).toBeUndefined();
    writeFileSync(path.join(folder, 'article-render', 'cut-short.json'), '{"html": "<p>');
    expect(cacheIn(folder).get('cut-short')).toBeUndefined();
  });

  it('is read back by the next build as it was written', () => {
    const folder = scratch();
    const entry = { key: 'k', html: '<p>Kept.</p>' } as unknown as Parameters<ReturnType<typeof renderCache>['set']>[1];
    cacheIn(folder).set('kept', entry);
    expect(cacheIn(folder).get('kept')).toEqual(entry);
  });
});
