import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSiteLinks } from '../../src/integrations/link-check';

const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-site-links-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ORIGIN = 'https://reader.example';

/** A built site: a home page linking to an article's paragraph and a capture, the article, and the capture. */
const PAGES: Record<string, string> = {
  'index.html': '<a href="/articles/a/#p-1">A</a> <a href="/sources/a.txt">capture</a>',
  'articles/a/index.html': '<p id="p-1">One</p><p id="p-2">Two</p><a href="/">home</a>',
  'articles/b/index.html': '<p id="p-9">Nine</p>',
  'sources/a.txt': 'A capture',
};

let sites = 0;

/** The next build of the site: unchanged files linked from the last one (as integrations/page-reuse does), the rest written. */
function rebuild(last: string | undefined, written: Record<string, string | null>): string {
  const dir = path.join(scratch, `site-${++sites}`);
  mkdirSync(dir);
  // The unchanged files are links to the last build's, as a rebuild leaves them.
  for (const file of last ? filesOf(last) : []) {
    if (file in written) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    linkSync(path.join(last!, file), path.join(dir, file));
  }
  for (const [file, text] of Object.entries(written)) {
    if (text === null) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

function check(site: string, cache: string, origins = [ORIGIN]): string {
  const said: string[] = [];
  checkSiteLinks(site, origins, cache, { info: (message) => said.push(message) });
  return said.join('\n');
}

describe('the link check of a rebuilt site', () => {
  it('checks only the pages whose text changed when nothing they could link to has gone', () => {
    const cache = path.join(scratch, 'cache-only', 'links.json');
    const first = rebuild(undefined, PAGES);
    expect(check(first, cache)).toMatch(/^checked the links of 3 pages in [\d.]+ s$/);
    const longer = { 'articles/b/index.html': '<p id="p-9">Nine</p><p id="p-10">Ten</p><a href="/articles/a/#p-2">a</a>' };
    const second = rebuild(first, longer);
    expect(check(second, cache)).toMatch(/^checked the links of 1 pages in [\d.]+ s \(of 3: the others are the pages checked last time, and nothing they link to has gone\)$/);
    // Every page written again, as it was: none is checked again.
    expect(check(rebuild(undefined, { ...PAGES, ...longer }), cache)).toMatch(/^checked the links of 0 pages in [\d.]+ s \(of 3/);
  });

  it('finds a link broken on a page written anew', () => {
    const cache = path.join(scratch, 'cache-new-broken', 'links.json');
    const first = rebuild(undefined, PAGES);
    check(first, cache);
    const second = rebuild(first, { 'articles/b/index.html': '<p id="p-9">Nine</p><a href="/articles/a/#p-3">a</a>' });
    expect(() => check(second, cache)).toThrow('/articles/b/: /articles/a/#p-3 (/articles/a/ has no element with id "p-3")');
  });

  it('finds the links of unchanged pages broken by what has gone: a page, an id, a file', () => {
    const gone: [string, Record<string, string | null>, string][] = [
      ['a page', { 'articles/a/index.html': null }, '/: /articles/a/#p-1 (no page or file at /articles/a/)'],
      ['an id', { 'articles/a/index.html': '<p id="p-2">Two</p><a href="/">home</a>' }, '/: /articles/a/#p-1 (/articles/a/ has no element with id "p-1")'],
      ['a file', { 'sources/a.txt': null }, '/: /sources/a.txt (no page or file at /sources/a.txt)'],
    ];
    for (const [what, written, says] of gone) {
      const cache = path.join(scratch, `cache-gone-${what.replace(/\W/g, '')}`, 'links.json');
      const first = rebuild(undefined, PAGES);
      check(first, cache);
      expect(() => check(rebuild(first, written), cache), what).toThrow(says);
    }
  });

  it('checks every page when what a changed page had last time cannot be read', () => {
    const cache = path.join(scratch, 'cache-cut', 'links.json');
    const first = rebuild(undefined, PAGES);
    check(first, cache);
    // The article's line cut short, as by a build stopped while writing the cache: which ids it had is not known.
    const kept = readFileSync(cache, 'utf8');
    expect(kept).toContain('\t/articles/a/index.html\t');
    writeFileSync(cache, kept.replace(/(\t\/articles\/a\/index\.html\t)[^\n]*/, '$1{"ids":["p-'));
    expect(() => check(rebuild(first, { 'articles/a/index.html': '<p id="p-2">Two</p><a href="/">home</a>' }), cache)).toThrow('/: /articles/a/#p-1 (/articles/a/ has no element with id "p-1")');
  });

  it('checks every page again after a check that failed, and for other origins', () => {
    const cache = path.join(scratch, 'cache-failed', 'links.json');
    const first = rebuild(undefined, PAGES);
    check(first, cache);
    const broken = rebuild(first, { 'articles/a/index.html': null });
    expect(() => check(broken, cache)).toThrow('no page or file at /articles/a/');
    // The page put back: what is kept is still the last check that passed, whose pages the new ones are measured against.
    const mended = rebuild(broken, { 'articles/a/index.html': '<p id="p-1">One</p><p id="p-2">Two, mended</p><a href="/">home</a>' });
    expect(check(mended, cache)).toMatch(/^checked the links of 1 pages in [\d.]+ s \(of 3/);
    expect(check(rebuild(mended, {}), cache, ['https://elsewhere.example'])).toMatch(/^checked the links of 3 pages in [\d.]+ s$/);
  });

  it('finds the files of a folder the site reaches through a symbolic link, and a link into one that leads nowhere broken', () => {
    const cache = path.join(scratch, 'cache-symlinks', 'links.json');
    const shared = path.join(scratch, 'shared-downloads');
    mkdirSync(shared, { recursive: true });
    writeFileSync(path.join(shared, 'report.pdf'), 'A report');
    const site = rebuild(undefined, { ...PAGES, 'index.html': `${PAGES['index.html']} <a href="/downloads/report.pdf">report</a> <a href="/old/x.pdf">old</a>` });
    symlinkSync(shared, path.join(site, 'downloads'));
    symlinkSync(path.join(scratch, 'no-such-folder'), path.join(site, 'old'));
    expect(() => check(site, cache)).toThrow(/^(?![\s\S]*report\.pdf)[\s\S]*\/: \/old\/x\.pdf \(no page or file at \/old\/x\.pdf\)/);
  });
});
