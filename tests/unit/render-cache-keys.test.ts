import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderArticles, type CachedArticle, type NameList, type PipelineInputs, type RenderCache } from '../../src/markdown/render';

/*
 * What a rebuild renders again when the people and organisations change:
 * only the articles whose text gives a changed speaker (in any of the forms
 * a directive's attributes take) or contains a changed name. Each case
 * renders three articles into an in-memory cache, changes the collection,
 * and renders again with that cache.
 */
function memoryCache(): RenderCache {
  const entries = new Map<string, CachedArticle>();
  let lists: Record<string, NameList> = {};
  return {
    digest: (value) => createHash('sha256').update(value).digest('hex').slice(0, 16),
    version: 'test',
    quotedFrom: { read: () => undefined, write: () => undefined },
    names: { read: () => lists, write: (kept) => void (lists = kept) },
    get: (slug) => entries.get(slug),
    set: (slug, entry) => void entries.set(slug, entry),
    htmlOf: (entry) => (entry.html === undefined ? undefined : () => entry.html!),
  };
}

const inputsWith = (people: [id: string, name: string, aliases?: string[]][]): PipelineInputs => ({
  people: new Map(people.map(([id, name]) => [id, name])),
  organisations: new Map(),
  names: people.map(([id, name, aliases = []]) => ({ key: `people/${id}`, names: [name, ...aliases] })),
  terms: [],
  entries: { articles: new Set(['double', 'single', 'plain']), people: new Set(people.map(([id]) => id)), organisations: new Set(), topics: new Set() },
  register: { articles: {} },
  speaker: (id) => people.find(([p]) => p === id)?.[1] ?? id,
});

const sources = [
  { slug: 'double', file: 'content/articles/double.md', title: 'Double', body: 'She said “:quote[we will wait]{speaker="sam-author"}”.\n', date: '2015-01-01' },
  { slug: 'single', file: 'content/articles/single.md', title: 'Single', body: "He said “:quote[we will not]{speaker='kit-writer'}”.\n", date: '2015-02-01' },
  { slug: 'plain', file: 'content/articles/plain.md', title: 'Plain', body: 'A note about the Lonely Institute, quoting no one.\n', date: '2015-03-01' },
];
const before = inputsWith([
  ['sam-author', 'Sam Author'],
  ['kit-writer', 'Kit Writer'],
]);

async function rerender(after: PipelineInputs) {
  const cache = memoryCache();
  await renderArticles(sources, before, cache);
  const again = await renderArticles(sources, after, cache);
  expect(again.problems).toEqual([]);
  return again.stats;
}

describe('what a rebuild renders again when the people change', () => {
  it('renders nothing again for a person no article gives as a speaker or names', async () => {
    expect(await rerender(inputsWith([['sam-author', 'Sam Author'], ['kit-writer', 'Kit Writer'], ['new-person', 'New Person']]))).toMatchObject({ changed: 0, rendered: 0 });
  });

  it('parses again the article whose speaker is renamed, whichever quotes its attribute has', async () => {
    expect(await rerender(inputsWith([['sam-author', 'Sam Author'], ['kit-writer', 'Kit Writer-Jones']]))).toMatchObject({ changed: 1, rendered: 1 });
    expect(await rerender(inputsWith([['sam-author', 'Samantha Author'], ['kit-writer', 'Kit Writer']]))).toMatchObject({ changed: 1, rendered: 1 });
  });

  it('renders again the article that contains a name added, and only it', async () => {
    const added = inputsWith([['sam-author', 'Sam Author'], ['kit-writer', 'Kit Writer'], ['lonely', 'Lonely Institute']]);
    expect(await rerender(added)).toMatchObject({ changed: 0, rendered: 1 });
  });
});
