import { describe, expect, it } from 'vitest';
import { runSearch } from '../../src/lib/search-engine';
import { loadPagefind } from '../support/pagefind-node';

/*
 * Search quality against the real built index, run in Node: the same
 * pagefind.js and index files a reader's browser downloads.
 */
const QUOTES = [
  { slug: 'view-from-westminster', quote: 'the new team will need to show quickly that its primary focus is genuine service improvement' },
  { slug: 'critical-time-for-the-nhs', quote: 'the genie is well and truly out of the bottle' },
  { slug: 'new-structure-profound-shift', quote: 'creating an unmanageable monolith' },
  { slug: 'inspiration-and-system-leadership', quote: 'a sophisticated game of ‘pass the parcel’ has been played' },
  { slug: 'leadership-first-100-days', quote: 'the world’s largest learning organisation' },
];

describe('search quality (Node, real index)', () => {
  for (const { slug, quote } of QUOTES) {
    for (const [form, query] of [
      ['in curly quotes', `“${quote}”`],
      ['in straight quotes', `"${quote}"`],
      ['without quotes', quote],
    ] as const) {
      it(`a quote from ${slug} pasted ${form} finds that article first, on the block that holds it`, async () => {
        const outcome = await runSearch(await loadPagefind(), query);
        const first = outcome.results[0];
        expect(first?.href).toMatch(new RegExp(`^/articles/${slug}/\\?highlight=`));
        expect(first?.blockId).toMatch(/^(p|li|pq|bq)-/);
        expect(first?.sentence.match.toLowerCase().replace(/[‘’]/g, "'")).toContain(
          quote.split(' ').slice(1, 4).join(' ').toLowerCase().replace(/[‘’]/g, "'"),
        );
      });
    }
  }

  it('an exact phrase matches only where the words are together', async () => {
    const outcome = await runSearch(await loadPagefind(), '“political fudge”');
    expect(outcome.results.map((r) => r.href.split('?')[0]).sort()).toEqual([
      '/articles/inspiration-and-system-leadership/',
      '/articles/view-from-westminster/',
    ]);
    for (const r of outcome.results) expect(r.sentence.match.toLowerCase()).toBe('political fudge');
  });

  it('a phrase with another word finds only articles with both', async () => {
    const both = await runSearch(await loadPagefind(), '“political fudge” Dorrell');
    const phrase = await runSearch(await loadPagefind(), '“political fudge”');
    expect(both.results.length).toBeGreaterThan(0);
    expect(both.results.length).toBeLessThanOrEqual(phrase.results.length);
    const none = await runSearch(await loadPagefind(), '“political fudge” Hopson');
    expect(none.results.map((r) => r.title)).not.toContain('What do leaders want from NHS Improvement? The view from Westminster');
  });

  it('a filter narrows the results and the counts agree with the list', async () => {
    const pf = await loadPagefind();
    const all = await runSearch(pf, 'NHS Improvement');
    const narrowed = await runSearch(pf, 'NHS Improvement', { selected: { organisation: ['NHS Providers'] } });
    expect(narrowed.results.length).toBeLessThan(all.results.length);
    expect(narrowed.results.length).toBe(all.counts.organisation!['NHS Providers']);
    for (const r of narrowed.results) expect(r.filters.organisation).toContain('NHS Providers');
  });

  it('filter counts of a phrase search count only the articles that contain the phrase', async () => {
    const outcome = await runSearch(await loadPagefind(), '“unmanageable monolith”');
    expect(outcome.results).toHaveLength(1);
    const total = Object.values(outcome.counts.year!).reduce((a, b) => a + b, 0);
    expect(total).toBe(1);
  });

  it('sorting by date puts newer before older (seed articles: the 2018 statement before the 2015 post) and keeps undated ones', async () => {
    const pf = await loadPagefind();
    const byDate = await runSearch(pf, 'NHS', { sort: 'date' });
    const byRelevance = await runSearch(pf, 'NHS');
    // Pagefind drops pages without a sort key from sorted results; every page must still be there.
    expect(byDate.results.map((r) => r.href.split('?')[0]).sort()).toEqual(byRelevance.results.map((r) => r.href.split('?')[0]).sort());
    const at = (date: string) => byDate.results.findIndex((r) => r.date === date);
    expect(at('24 May 2018')).toBeGreaterThanOrEqual(0);
    expect(at('24 May 2018')).toBeLessThan(at('30 September 2015'));
  });

  it('a heading and a list item are landing places too', async () => {
    const heading = await runSearch(await loadPagefind(), '“Notes to editors”');
    expect(heading.results[0]?.blockId).toBe('notes-to-editors');
    const item = await runSearch(await loadPagefind(), '“refreshing the NHS graduate scheme”');
    expect(item.results[0]?.blockId).toMatch(/^li-/);
  });

  it('an empty query says it is empty; a query with no match returns nothing', async () => {
    expect((await runSearch(await loadPagefind(), '  ')).empty).toBe(true);
    expect((await runSearch(await loadPagefind(), 'xylophone')).results).toEqual([]);
  });

  it('only article content is indexed, not navigation or provenance', async () => {
    const pf = await loadPagefind();
    expect((await runSearch(pf, '“Skip to content”')).results).toEqual([]);
    expect((await runSearch(pf, '“Lines not shown as body text”')).results).toEqual([]);
    expect((await runSearch(pf, '“Link to this paragraph”')).results).toEqual([]);
  });

  it('a person filter finds what that person said: the passage in their words, attributed to them', async () => {
    const outcome = await runSearch(await loadPagefind(), 'NHS Improvement', { selected: { person: ['Nigel Edwards'] } });
    expect(outcome.results).toHaveLength(1);
    expect(outcome.results[0]?.who).toBe('Nigel Edwards');
    expect(outcome.results[0]?.blockId).toMatch(/^p-/);
    expect(outcome.results[0]?.sentence.before + outcome.results[0]!.sentence.match).toBe('The chief executive of NHS Improvement');
  });

  it('words inside a quotation are attributed to its speaker, not to the article', async () => {
    const outcome = await runSearch(await loadPagefind(), '"Insist on a really clear and simple mandate"');
    expect(outcome.results[0]?.who).toBe('Jeremy Taylor');
  });
});
