import { describe, expect, it } from 'vitest';
import CiteBlock from '../../src/components/CiteBlock.astro';
import SearchMeta from '../../src/components/SearchMeta.astro';
import { CITATIONS, SEARCH_META } from '../examples/components';
import { all, byTag, render, saveExample } from './render';
import { fromUnsearchable } from '../../src/lib/search-metadata';

describe('the citation block', () => {
  it.each(CITATIONS.map((e) => [e.name, e] as const))('shows %s, and offers the citation files beside the article', async (_, example) => {
    const { tree, text, html } = await render(CiteBlock, example);
    saveExample('CiteBlock', example.name, html);
    for (const style of ['apa', 'harvard', 'oscola', 'chicago'] as const) expect(text).toContain(example.citations[style]);
    // The article's data for paragraph citations comes back whole, and nothing in it can close its element.
    const data = all(tree, (el) => el.tagName === 'script' && el.properties.type === 'application/json');
    expect(data).toHaveLength(1);
    expect(JSON.parse(String((data[0]!.children[0] as { value: string }).value))).toEqual(JSON.parse(JSON.stringify(example.citable)));
    expect(html).not.toContain('<script>alert(1)');
    if (example.suggested) expect(text).toContain(example.suggested);
    const files = all(tree, byTag('a')).map((a) => a.properties.href);
    expect(files).toEqual(['bib', 'ris', 'json'].map((ext) => `/articles/${example.slug}/citation.${ext}`));
    // Copy buttons and the paragraph citation need the script, so they start hidden.
    expect(all(tree, byTag('button')).every((b) => b.properties.hidden === true)).toBe(true);
    expect(all(tree, (el) => el.properties.id === 'cite-paragraph')[0]?.properties.hidden).toBe(true);
  });
});

describe('search metadata', () => {
  it.each(SEARCH_META.map((e) => [e.name, e] as const))('for %s, lets search filter by everyone quoted and credit each quotation', async (_, example) => {
    const { tree } = await render(SearchMeta, example);
    const metas = all(tree, byTag('meta'));
    const content = (name: string) => metas.filter((m) => m.properties.name === name).map((m) => String(m.properties.content));
    expect(content('search-filter:person')).toEqual(expect.arrayContaining(['Chris Hopson', 'Stephen Dorrell']));
    // An inferred year counts as that year, and a second filter says it is inferred.
    expect(content('search-filter:year')).toEqual(['2016']);
    expect(content('search-filter:year-inferred')).toEqual(['2016']);
    expect(JSON.parse(fromUnsearchable(content('search:speakers')[0])!)).toEqual({ 'p-1': 'Chris Hopson' });
    expect(JSON.parse(fromUnsearchable(content('search:quotes')[0])!)).toEqual([{ block: 'p-2', who: 'Stephen Dorrell', text: 'a plan' }]);
    // Nothing here is in the page's text: every value is in a content attribute.
    expect(metas.every((m) => m.properties.content !== undefined)).toBe(true);
    // Pagefind searches the metadata: past the facts a reader may search for, no field holds a word a query could match.
    const searched = ['search:title', 'search:who', 'search:organisation', 'search:date'];
    for (const meta of metas.filter((m) => String(m.properties.name).startsWith('search:') && !searched.includes(String(m.properties.name)))) {
      expect(String(meta.properties.content), String(meta.properties.name)).toMatch(/^zqx[0-9a-f]*$/);
    }
    expect(content('search:date')[0]).not.toMatch(/inferred|stated/);
    expect(JSON.parse(fromUnsearchable(content('search:inferred')[0])!)).toContain('date');
  });
});
