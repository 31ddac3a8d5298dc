import { appendFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtPageReader } from '../../src/integrations/built-pages';

const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-built-pages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('reading built pages again in a rebuild', () => {
  it('reads only pages that are not the very files read last time, nor of the same text', () => {
    const cache = path.join(scratch, 'cache', 'pages.json');
    const [first, second] = [path.join(scratch, 'site-1'), path.join(scratch, 'site-2')];
    for (const dir of [first, second]) mkdirSync(dir);
    writeFileSync(path.join(first, 'kept.html'), '<p id="a">kept</p>');
    writeFileSync(path.join(first, 'redone.html'), '<p id="b">redone</p>');
    const reads: string[] = [];
    const reader = () => builtPageReader(cache, (html) => (reads.push(html), html.length));

    const one = reader();
    expect(['kept.html', 'redone.html'].map((name) => one.read(path.join(first, name), name))).toEqual([18, 20]);
    one.save();

    // The next build links the unchanged page from the previous one and writes the other anew, with other text.
    linkSync(path.join(first, 'kept.html'), path.join(second, 'kept.html'));
    writeFileSync(path.join(second, 'redone.html'), '<p id="b">redone again</p>');
    reads.length = 0;
    const two = reader();
    expect(['kept.html', 'redone.html'].map((name) => two.read(path.join(second, name), name))).toEqual([18, 26]);
    expect(reads).toEqual(['<p id="b">redone again</p>']);
    two.save();

    // Written anew with the same text as last time: what was read of it holds.
    writeFileSync(path.join(second, 'redone.html'), '<p id="b">redone again</p>');
    reads.length = 0;
    const same = reader();
    expect(same.look(path.join(second, 'redone.html'), 'redone.html').fresh).toBe(false);
    expect(same.read(path.join(second, 'redone.html'), 'redone.html')).toBe(26);
    expect(reads).toEqual([]);
    same.save();

    // A page changed in place is read again.
    appendFileSync(path.join(second, 'kept.html'), '<p id="c">more</p>');
    reads.length = 0;
    expect(reader().read(path.join(second, 'kept.html'), 'kept.html')).toBe(36);
    expect(reads).toHaveLength(1);
  });

  it('reads a page’s text as UTF-8, and knows it again by the digest an earlier build kept of that text', () => {
    const dir = path.join(scratch, 'site-utf8');
    mkdirSync(dir);
    const cache = path.join(scratch, 'cache-utf8', 'pages.json');
    const text = '<p id="q">“Funding” for 2017–18: €1.8 bn, said the chair ☂</p>';
    writeFileSync(path.join(dir, 'page.html'), text);
    const reads: string[] = [];
    const reader = () => builtPageReader(cache, (html) => (reads.push(html), html.length));
    expect(reader().read(path.join(dir, 'page.html'), 'page.html')).toBe(text.length);
    expect(reads).toEqual([text]);

    // A cache line as an earlier build wrote it, for another file (its identity differs) with this text: the digest of the text as UTF-8.
    const digest = createHash('sha256').update(text).digest('base64url');
    mkdirSync(path.dirname(cache), { recursive: true });
    writeFileSync(cache, `0:0:0:0/${digest}\tpage.html\t${text.length}`);
    reads.length = 0;
    const look = reader().look(path.join(dir, 'page.html'), 'page.html');
    expect(look.fresh).toBe(false);
    expect(look.value()).toBe(text.length);
    expect(reads).toEqual([]);
  });

  it('reads a page again when what was kept of it is cut short, and keeps the rest', () => {
    const cache = path.join(scratch, 'cache-cut', 'pages.json');
    const site = path.join(scratch, 'site-cut');
    mkdirSync(site);
    for (const name of ['one.html', 'two.html']) writeFileSync(path.join(site, name), `<p>${name}</p>`);
    const reads: string[] = [];
    const reader = () => builtPageReader(cache, (html) => (reads.push(html), { length: html.length }));
    const first = reader();
    for (const name of ['one.html', 'two.html']) first.read(path.join(site, name), name);
    first.save();
    // A build stopped while writing the cache: the last page's line ends early.
    writeFileSync(cache, readFileSync(cache, 'utf8').slice(0, -3));
    reads.length = 0;
    const again = reader();
    expect(['one.html', 'two.html'].map((name) => again.read(path.join(site, name), name))).toEqual([{ length: 15 }, { length: 15 }]);
    expect(reads).toEqual(['<p>two.html</p>']);
  });

  it('reads an unchanged page’s value only when asked, and keeps the step’s state with the pages', () => {
    const cache = path.join(scratch, 'cache-look', 'pages.json');
    const site = path.join(scratch, 'site-look');
    mkdirSync(site);
    for (const name of ['one.html', 'two.html']) writeFileSync(path.join(site, name), `<p>${name}</p>`);
    const reads: string[] = [];
    const reader = () => builtPageReader<{ length: number }, { files: string[] }>(cache, (html) => (reads.push(html), { length: html.length }));
    const first = reader();
    expect(first.state()).toBeUndefined();
    for (const name of ['one.html', 'two.html']) expect(first.look(path.join(site, name), name).fresh).toBe(true);
    first.save({ files: ['/a.txt'] });

    writeFileSync(path.join(site, 'one.html'), '<p>one.html, longer</p>');
    const second = reader();
    expect(second.state()).toEqual({ files: ['/a.txt'] });
    const one = second.look(path.join(site, 'one.html'), 'one.html');
    expect([one.fresh, one.value(), one.before()]).toEqual([true, { length: 23 }, { length: 15 }]);
    // two.html is not looked at: it is the one page of last time this run has not seen, and is not kept.
    expect(second.unseen()).toEqual(['two.html']);
    second.save();
    const third = reader();
    expect(third.state()).toBeUndefined();
    expect(third.look(path.join(site, 'two.html'), 'two.html').fresh).toBe(true);
    reads.length = 0;
    const unchanged = third.look(path.join(site, 'one.html'), 'one.html');
    expect(unchanged.fresh).toBe(false);
    expect(unchanged.value()).toEqual({ length: 23 });
    expect(reads).toEqual([]);
  });
});
