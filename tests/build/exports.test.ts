import { describe, expect, it } from 'vitest';
import { articleRow, quotationRow } from '../../src/lib/exports';
import { DATA_FILES, dataUrl } from '../../src/lib/routes';
import { builtFiles, builtPage, contentArticles, readBuilt, select } from '../support/built-site';

/*
 * /data/: the collection to take away. Read back from the built files: JSON
 * against the same shapes the schema is made from, CSV with a small RFC 4180
 * reader, every permalink against the built pages.
 */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  const cell = /"((?:[^"]|"")*)"(,|\r\n)/gy;
  let row: string[] = [];
  let end = 0;
  for (let m = cell.exec(text); m; m = cell.exec(text)) {
    row.push(m[1]!.replace(/""/g, '"'));
    if (m[2] === '\r\n') rows.push(row), (row = []);
    end = cell.lastIndex;
  }
  expect(end, 'the whole file is well-formed CSV').toBe(text.length);
  return rows;
}

const articles = JSON.parse(readBuilt('/data/articles.json')) as unknown[];
const quotations = JSON.parse(readBuilt('/data/quotations.json')) as unknown[];

describe('the data files', () => {
  it('are all built and linked from /about/', () => {
    const links = select(builtPage('/about/'), (el) => el.tagName === 'a').map((a) => String(a.properties.href));
    for (const file of DATA_FILES) {
      expect(builtFiles()).toContain(dataUrl(file));
      expect(links).toContain(dataUrl(file));
    }
  });

  it('list every article, each row of the published shape, its page and capture on the site', () => {
    expect(articles).toHaveLength(contentArticles().length);
    for (const raw of articles) {
      const row = articleRow.parse(raw);
      expect(builtFiles()).toContain(`${new URL(row.url).pathname}index.html`);
      expect(builtFiles()).toContain(new URL(row.capture).pathname);
    }
  });

  it('give each seed article’s facts with their status, never filling in what is not stated', () => {
    const rows = articles.map((r) => articleRow.parse(r));
    expect(rows.find((r) => r.slug === 'view-from-westminster')).toMatchObject({ date: '2015-09-30', dateStatus: 'stated', authors: ['Stephen Dorrell'], publisher: 'Nuffield Trust', publisherStatus: 'stated' });
    expect(rows.find((r) => r.slug === 'critical-time-for-the-nhs')).toMatchObject({ date: '2016', dateStatus: 'inferred', kind: null, kindStatus: 'not stated', authors: [], titleSource: 'editor' });
  });

  it('list quotations whose permalinks land on a block of their article, with the speaker’s role then', () => {
    expect(quotations.length).toBeGreaterThan(0);
    for (const raw of quotations) {
      const row = quotationRow.parse(raw);
      const url = new URL(row.permalink);
      const page = builtPage(url.pathname);
      expect(select(page, (el) => el.properties.id === url.hash.slice(1) && el.properties.dataBlock !== undefined), row.permalink).toHaveLength(1);
    }
    // Seed articles: Chris Hopson was chief executive of NHS Providers throughout them (an article added later,
    // dated before any source states his role, rightly has none).
    const seeds = new Set(['inspiration-and-system-leadership', 'new-structure-profound-shift']);
    const hopson = quotations.map((q) => quotationRow.parse(q)).filter((q) => q.speakerId === 'chris-hopson' && seeds.has(q.article));
    expect(hopson.length).toBeGreaterThan(0);
    for (const q of hopson) expect(q.role).toBe('chief executive, NHS Providers');
  });

  it('give the same rows as CSV, one column per field, lists joined', () => {
    for (const [name, rows, shape] of [['articles', articles, articleRow], ['quotations', quotations, quotationRow]] as const) {
      const csv = readCsv(readBuilt(`/data/${name}.csv`));
      expect(csv[0]).toEqual(Object.keys(shape.shape));
      expect(csv).toHaveLength(rows.length + 1);
    }
    const csv = readCsv(readBuilt('/data/articles.csv'));
    const header = csv[0]!;
    const westminster = csv.find((r) => r[header.indexOf('slug')] === 'view-from-westminster')!;
    expect(westminster[header.indexOf('authors')]).toBe('Stephen Dorrell');
  });

  it('describe themselves with a JSON Schema naming every field', () => {
    for (const [name, shape] of [['articles', articleRow], ['quotations', quotationRow]] as const) {
      const schema = JSON.parse(readBuilt(`/data/${name}.schema.json`));
      expect(schema.$schema).toMatch(/json-schema\.org/);
      expect(schema.type).toBe('array');
      expect(schema.items.required.sort()).toEqual(Object.keys(shape.shape).sort());
    }
  });
});

describe('citation meta tags for reference managers', () => {
  it('carry only stated facts (seed articles)', () => {
    const content = (path: string, name: string) =>
      select(builtPage(path), (el) => el.tagName === 'meta' && el.properties.name === name).map((m) => String(m.properties.content));
    expect(content('/articles/view-from-westminster/', 'citation_author')).toEqual(['Stephen Dorrell']);
    expect(content('/articles/view-from-westminster/', 'citation_publication_date')).toEqual(['2015/09/30']);
    expect(content('/articles/view-from-westminster/', 'citation_title')).toEqual(['What do leaders want from NHS Improvement? The view from Westminster']);
    expect(content('/articles/critical-time-for-the-nhs/', 'citation_author')).toEqual([]);
    expect(content('/articles/critical-time-for-the-nhs/', 'citation_publication_date')).toEqual([]);
  });
});
