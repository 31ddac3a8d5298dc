import { describe, expect, it } from 'vitest';
import CiteBlock from '../../src/components/CiteBlock.astro';
import SearchMeta from '../../src/components/SearchMeta.astro';
import { CITATIONS, SEARCH_META } from '../examples/components';
import { all, byTag, render, saveExample } from './render';

describe('the citation block', () => {
  it.each(CITATIONS.map((e) => [e.name, e] as const))('shows %s, and offers the citation files beside the article', async (_, example) => {
    const { tree, text, html } = await render(CiteBlock, example);
    saveExample('CiteBlock', example.name, html);
    expect(text).toContain(example.citations.apa);
    expect(text).toContain(example.citations.harvard);
    if (example.suggested) expect(text).toContain(example.suggested);
    const files = all(tree, byTag('a')).map((a) => a.properties.href);
    expect(files).toEqual(['bib', 'ris', 'json'].map((ext) => `/articles/${example.slug}/citation.${ext}`));
    // Copy buttons need the script, so they start hidden.
    expect(all(tree, byTag('button')).every((b) => b.properties.hidden === true)).toBe(true);
  });
});

describe('search metadata', () => {
  it.each(SEARCH_META.map((e) => [e.name, e] as const))('for %s, lets search filter by everyone quoted and credit each quotation', async (_, example) => {
    const { tree } = await render(SearchMeta, example);
    const metas = all(tree, byTag('meta'));
    const content = (name: string) => metas.filter((m) => m.properties.name === name).map((m) => String(m.properties.content));
    expect(content('search-filter:person')).toEqual(expect.arrayContaining(['Chris Hopson', 'Stephen Dorrell']));
    // An inferred year is filterable, and says it is inferred.
    expect(content('search-filter:year')).toEqual(['2016 (inferred)']);
    expect(JSON.parse(content('search:speakers')[0]!)).toEqual({ 'p-1': 'Chris Hopson' });
    expect(JSON.parse(content('search:quotes')[0]!)).toEqual([{ block: 'p-2', who: 'Stephen Dorrell', text: 'a plan' }]);
    // Nothing here is indexed as text: every value is in a content attribute.
    expect(metas.every((m) => m.properties.content !== undefined)).toBe(true);
  });
});
