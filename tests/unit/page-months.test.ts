import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articlePagesNow, HEAD_BYTES, pageMonths, samePagesNow } from '../../src/integrations/search-index';
import { fileIdentity } from '../../src/lib/file-identity';
import { DATE_SORT_META } from '../../src/lib/search-shards';

/*
 * The search index cuts its shards by the month of each article page's date
 * (lib/search-shards), read from the start of each page (integrations/search-index,
 * pageMonths): a page whose head runs longer than that start must still be
 * put in its own month, not among the undated.
 */
const site = mkdtempSync(path.join(os.tmpdir(), 'page-months-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

const page = (name: string, headBefore: string, date: string) => {
  const file = path.join(site, 'articles', name, 'index.html');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `<!DOCTYPE html><html><head>${headBefore}<meta name="${DATE_SORT_META}" data-pagefind-sort="date[content]" content="${date}"></head><body></body></html>`);
  return `articles/${name}/index.html`;
};

describe('the month of each article page, for the shards of the search index', () => {
  it('is read from a page whose date comes early in its head', () => {
    const short = page('short-head', '<title>A page</title>', '2016-04-30');
    expect(pageMonths()(site, [short])).toEqual([{ page: short, month: '2016-04' }]);
  });

  it('is read from a page whose head holds more than the start read of each page (the structured data of many quotations)', () => {
    const data = `<script type="application/ld+json">${JSON.stringify({ quotations: Array.from({ length: 400 }, (_, i) => `A quotation, number ${i}, as the page states it.`) })}</script>`;
    expect(data.length).toBeGreaterThan(HEAD_BYTES);
    const long = page('long-head', data, '2017-11-02');
    expect(pageMonths()(site, [long])).toEqual([{ page: long, month: '2017-11' }]);
  });

  it('leaves out a page that is not there', () => {
    expect(pageMonths()(site, ['articles/none/index.html'])).toEqual([]);
  });

  it('is kept between builds under the page file’s identity, and read again from a page written since', () => {
    const remembered = path.join(site, 'months.json');
    const name = page('kept', '<title>A page</title>', '2015-03-01');
    const first = pageMonths(remembered);
    expect(first(site, [name])).toEqual([{ page: name, month: '2015-03' }]);
    first.save();
    // The same file: its month as kept, not read (a month the page does not say, put in the kept file, shows which).
    const identity = fileIdentity(statSync(path.join(site, name)));
    expect(Object.keys(JSON.parse(readFileSync(remembered, 'utf8')))).toEqual([identity]);
    writeFileSync(remembered, JSON.stringify({ [identity]: '1999-12' }));
    expect(pageMonths(remembered)(site, [name])).toEqual([{ page: name, month: '1999-12' }]);
    // Written again, with another date: another file as far as the kept months go.
    page('kept', '<title>A page, longer now</title>', '2016-07-01');
    expect(pageMonths(remembered)(site, [name])).toEqual([{ page: name, month: '2016-07' }]);
  });

  it('is read from each page when the kept months cannot be read', () => {
    const remembered = path.join(site, 'broken-months.json');
    writeFileSync(remembered, '{"cut short');
    const name = page('unkept', '<title>A page</title>', '2014-02-01');
    expect(pageMonths(remembered)(site, [name])).toEqual([{ page: name, month: '2014-02' }]);
  });

  it('is read from the page when what was kept for it is not a month (a hand-edited file)', () => {
    const remembered = path.join(site, 'odd-months.json');
    const name = page('odd', '<title>A page</title>', '2018-05-09');
    writeFileSync(remembered, JSON.stringify({ [fileIdentity(statSync(path.join(site, name)))]: 201805 }));
    expect(pageMonths(remembered)(site, [name])).toEqual([{ page: name, month: '2018-05' }]);
  });

  it('takes the pages as the step after Astro just found them, and leaves out one it did not find', () => {
    const name = page('found', '<title>A page</title>', '2016-01-20');
    const now = articlePagesNow(site);
    expect(now.get(name)).toBe(fileIdentity(statSync(path.join(site, name))));
    const months = pageMonths();
    expect(months(site, [name, 'articles/long-head/index.html'], new Map([[name, now.get(name)!]]))).toEqual([{ page: name, month: '2016-01' }]);
    expect(months.identity(path.join(site, name))).toBe(now.get(name));
  });
});

describe('a look at a site’s article pages (articlePagesNow)', () => {
  it('is the same while no page is added, removed or written, and differs once one is', () => {
    const before = articlePagesNow(site);
    expect(samePagesNow(articlePagesNow(site), before)).toBe(true);
    page('written-since', '<title>A new page</title>', '2017-02-02');
    const added = articlePagesNow(site);
    expect(samePagesNow(added, before)).toBe(false);
    page('written-since', '<title>The new page, written again</title>', '2017-02-02');
    expect(samePagesNow(articlePagesNow(site), added)).toBe(false);
    rmSync(path.join(site, 'articles', 'written-since'), { recursive: true });
    expect(samePagesNow(articlePagesNow(site), before)).toBe(true);
  });
});
