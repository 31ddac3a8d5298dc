import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HEAD_BYTES, pageMonths } from '../../src/integrations/search-index';
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
});
