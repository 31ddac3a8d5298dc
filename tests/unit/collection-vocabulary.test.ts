import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepCollectionVocabulary } from '../../src/loaders/collection-vocabulary';

/*
 * The collection's vocabulary for "Did you mean", which the articles loader
 * keeps beside the articles' word files and counts again only for the
 * articles whose words changed (loaders/collection-vocabulary): whatever
 * changed, it must say what counting every article afresh would.
 */
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A folder of word files (one an article, as the loader names them), and a reader that notes which it reads. */
function wordFiles(files: Record<string, string[]>) {
  const folder = mkdtempSync(path.join(tmpdir(), 'policy-reader-vocabulary-'));
  folders.push(folder);
  for (const [name, words] of Object.entries(files)) writeFileSync(path.join(folder, `${name}.json`), JSON.stringify(words));
  const read: string[] = [];
  const wordsOf = (file: string) => (read.push(path.basename(file, '.json')), JSON.parse(readFileSync(file, 'utf8')) as string[]);
  const articles = (bySlug: Record<string, string>) => new Map(Object.entries(bySlug).map(([slug, name]) => [slug, path.join(folder, `${name}.json`)]));
  return { folder, read, wordsOf, articles };
}

const vocabularyIn = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as [string, number][];

describe('the collection’s vocabulary', () => {
  it('counts each word once an article that has it, the most frequent first', () => {
    const { folder, wordsOf, articles } = wordFiles({ a1: ['merger', 'trusts'], b1: ['trusts', 'deficit'], c1: ['trusts', 'deficit'] });
    const file = keepCollectionVocabulary({ folder, previous: new Map(), current: articles({ a: 'a1', b: 'b1', c: 'c1' }), wordsOf });
    expect(vocabularyIn(file)).toEqual([
      ['trusts', 3],
      ['deficit', 2],
      ['merger', 1],
    ]);
  });

  it('after an article is edited, added and removed, says what counting every article again would, reading only their words', () => {
    const { folder, read, wordsOf, articles } = wordFiles({
      a1: ['merger', 'trusts'],
      b1: ['trusts', 'deficit'],
      c1: ['regulator'],
      a2: ['merger', 'regulator', 'finances'],
      d1: ['deficit', 'finances'],
    });
    const previous = articles({ a: 'a1', b: 'b1', c: 'c1' });
    keepCollectionVocabulary({ folder, previous: new Map(), current: previous, wordsOf });
    read.length = 0;
    const current = articles({ a: 'a2', b: 'b1', d: 'd1' });
    const again = keepCollectionVocabulary({ folder, previous, current, wordsOf });
    expect(read.sort()).toEqual(['a1', 'a2', 'c1', 'd1']);
    const fresh = wordFiles({ a2: ['merger', 'regulator', 'finances'], b1: ['trusts', 'deficit'], d1: ['deficit', 'finances'] });
    const afresh = keepCollectionVocabulary({ folder: fresh.folder, previous: new Map(), current: fresh.articles({ a: 'a2', b: 'b1', d: 'd1' }), wordsOf: fresh.wordsOf });
    expect(vocabularyIn(again)).toEqual(vocabularyIn(afresh));
    expect(vocabularyIn(again)).toEqual([
      ['deficit', 2],
      ['finances', 2],
      ['merger', 1],
      ['regulator', 1],
      ['trusts', 1],
    ]);
  });

  it('counts every article afresh when a word file the last count needs is gone', () => {
    const { folder, wordsOf, articles } = wordFiles({ a1: ['merger'], b1: ['trusts'], b2: ['deficit'] });
    const previous = articles({ a: 'a1', b: 'b1' });
    keepCollectionVocabulary({ folder, previous: new Map(), current: previous, wordsOf });
    rmSync(path.join(folder, 'b1.json'));
    const file = keepCollectionVocabulary({ folder, previous, current: articles({ a: 'a1', b: 'b2' }), wordsOf });
    expect(vocabularyIn(file)).toEqual([
      ['deficit', 1],
      ['merger', 1],
    ]);
  });

  it('names its file from the articles’ word files, so that an unchanged collection reads nothing again', () => {
    const { folder, read, wordsOf, articles } = wordFiles({ a1: ['merger'], b1: ['trusts'] });
    const first = keepCollectionVocabulary({ folder, previous: new Map(), current: articles({ a: 'a1', b: 'b1' }), wordsOf });
    read.length = 0;
    expect(keepCollectionVocabulary({ folder, previous: articles({ a: 'a1', b: 'b1' }), current: articles({ b: 'b1', a: 'a1' }), wordsOf })).toBe(first);
    expect(read).toEqual([]);
    expect(keepCollectionVocabulary({ folder, previous: articles({ a: 'a1', b: 'b1' }), current: articles({ a: 'a1' }), wordsOf })).not.toBe(first);
  });
});
