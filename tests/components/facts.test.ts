import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import ArticleMeta from '../../src/components/ArticleMeta.astro';
import ArticleSummary from '../../src/components/ArticleSummary.astro';
import FactValue from '../../src/components/FactValue.astro';
import { ARTICLE_VIEWS, FACTS } from '../examples/components';
import { all, byClass, byTag, render, saveExample } from './render';

describe('a fact value', () => {
  it.each(FACTS.map((e) => [e.name, e] as const))('shows %s as what it is', async (_, example) => {
    const { tree, text, html } = await render(FactValue, example);
    saveExample('FactValue', example.name, `<p>${html}</p>`);
    const inferredTags = all(tree, byClass('inferred-tag'));
    const notStated = all(tree, byClass('not-stated'));
    if (example.fact.status === 'stated') {
      expect(inferredTags).toHaveLength(0);
      expect(notStated).toHaveLength(0);
    }
    if (example.fact.status === 'inferred') {
      expect(inferredTags).toHaveLength(1);
      // The basis is shown in words wherever the page asks for it.
      expect(text).toContain(`Editor’s inference: ${example.fact.basis}`);
    }
    if (example.fact.status === 'none') expect(text).toBe(example.missing);
    if (example.fact.status !== 'none' && typeof example.fact.value === 'object') {
      expect(all(tree, byTag('a')).map((a) => a.properties.href)).toEqual([example.fact.value.href]);
    }
  });
});

describe('article metadata', () => {
  const [stated, inferred, none] = ARTICLE_VIEWS.map((e) => e.view);

  it.each(ARTICLE_VIEWS.map((e) => [e.name, e.view] as const))('gives every row a label and a value, never a blank, for an article with %s', async (name, view) => {
    const { html, tree } = await render(ArticleMeta, { view });
    saveExample('ArticleMeta', name, html);
    const values = all(tree, byTag('dd'));
    expect(values).toHaveLength(all(tree, byTag('dt')).length);
    for (const value of values) expect(toText(value).trim()).not.toBe('');
  });

  it('puts every stated fact in two lines, From and Published, before the full record', async () => {
    const { tree } = await render(ArticleMeta, { view: stated });
    const lines = all(tree, byClass('article-meta__line')).map((line) => toText(line).replace(/\s+/g, ' ').trim());
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^From: /);
    expect(lines[1]).toMatch(/^Published: 30 September 2015/);
  });

  it('shows a stated date as a machine-readable date, with no inference mark', async () => {
    const { tree, text } = await render(ArticleMeta, { view: stated });
    expect(all(tree, byTag('time')).map((t) => t.properties.dateTime)).toEqual(['2015-09-30']);
    expect(text).toContain('30 September 2015');
    expect(all(tree, byClass('inferred-tag'))).toHaveLength(0);
  });

  it('marks every inferred fact as inferred and gives each basis, never showing it as stated', async () => {
    const { tree, text } = await render(ArticleMeta, { view: inferred });
    // Date, kind, publisher and author: four inferences, each marked in the two lines shown first, and in the full record with its basis.
    const [record] = all(tree, byClass('article-meta__record'));
    const lines = all(tree, byClass('article-meta__line'));
    expect(lines.flatMap((line) => all(line, byClass('inferred-tag')))).toHaveLength(4);
    expect(lines.flatMap((line) => all(line, byClass('inference-basis')))).toHaveLength(0);
    expect(all(record!, byClass('inferred-tag'))).toHaveLength(4);
    expect(all(record!, byClass('inference-basis'))).toHaveLength(4);
    expect(text).toContain('c. 2016');
    expect(text).toContain('It speaks of the STPs as being drawn up');
    expect(text).toContain('By Saffron Cordery inferred');
    expect(text).toContain('Editor’s inference: The same text is signed by her');
  });

  it('says what the source does not state rather than leaving a gap', async () => {
    const { text } = await render(ArticleMeta, { view: none });
    for (const words of ['Kind not stated in the source', 'Date not stated in the source', 'Author not stated in the source', 'Publisher not stated in the source']) {
      expect(text).toContain(words);
    }
  });

  it.each(ARTICLE_VIEWS.map((e) => [e.name, e.view] as const))('in a list, an article with %s links to its page and marks inferences', async (_, view) => {
    const { tree, html } = await render(ArticleSummary, { view });
    saveExample('ArticleSummary', view.id, html);
    expect(all(tree, byTag('a')).map((a) => a.properties.href)).toContain(view.href);
    // One mark for each of date, kind and publisher that is inferred.
    const inferredFacts = [view.date, view.kind, view.publisher].filter((f) => f.status === 'inferred').length;
    expect(all(tree, byClass('inferred-tag'))).toHaveLength(inferredFacts);
  });
});
