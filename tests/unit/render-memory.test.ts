import { describe, expect, it } from 'vitest';
import { renderArticles, type PipelineInputs } from '../../src/markdown/render';

/*
 * At tens of thousands of articles the renderer keeps only so many parsed
 * trees between its stages and parses the rest again: the pages must come
 * out the same either way, quoted-from links across articles included.
 */
const inputs: PipelineInputs = {
  people: new Map([['sam-author', 'Sam Author']]),
  organisations: new Map(),
  names: [{ key: 'people/sam-author', names: ['Sam Author'] }],
  terms: [],
  entries: { articles: new Set(['first', 'second']), people: new Set(['sam-author']), organisations: new Set(), topics: new Set() },
  register: { articles: {} },
  speaker: (id) => (id === 'sam-author' ? 'Sam Author' : id),
};
const words = 'The plan for the new body will take years to deliver in full';
const sources = [
  { slug: 'first', file: 'content/articles/first.md', title: 'First', body: `## A heading\n\nSam Author said “:quote[${words}]{speaker="sam-author"}”.\n`, date: '2015-01-01' },
  { slug: 'second', file: 'content/articles/second.md', title: 'Second', body: `A later piece repeats it: “:quote[${words}]{speaker="sam-author"}”.\n`, date: '2016-01-01' },
];

describe('rendering with a bounded number of trees kept between stages', () => {
  it('gives the same pages when no tree is kept as when every tree is', async () => {
    const all = await renderArticles(sources, inputs);
    const none = await renderArticles(sources, inputs, undefined, { keptTrees: 0 });
    expect(none.problems).toEqual([]);
    expect(all.rendered.get('second')?.html).toContain('Quoted from');
    for (const slug of ['first', 'second']) expect(none.rendered.get(slug)).toEqual(all.rendered.get(slug));
  });
});
