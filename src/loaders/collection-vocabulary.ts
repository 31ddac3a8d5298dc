import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { vocabularyFileName } from '../lib/article-record';
import { countWords, rankedVocabulary, type WordCounts } from '../lib/did-you-mean';
import { writeWhole } from '../lib/whole-file';

/**
 * The collection's vocabulary for "Did you mean" (lib/did-you-mean), kept in
 * the folder of the articles' vocabulary files, in a file named from theirs
 * (lib/article-record, vocabularyFileName). Counted again only for the
 * articles whose words changed since the previous load, from the file that
 * load kept: the search's vocabulary was read from every article's file,
 * 1 s of a rebuild at 5,000 articles for one article's edit. The file's name
 * says which articles' words it counts, so a stale one is never read.
 */
export function keepCollectionVocabulary(options: {
  folder: string;
  /** Each article's vocabulary file as the previous load stored it, by slug. */
  previous: ReadonlyMap<string, string>;
  /** Each article's vocabulary file now, by slug. */
  current: ReadonlyMap<string, string>;
  /** An article's words, from its vocabulary file (read, unless this load has them). */
  wordsOf: (file: string) => readonly string[];
  /** Given, the file is put here for the caller to write (render-cache, writeOnThread), not written at once. */
  later?: [file: string, text: string][] | undefined;
}): string {
  const { folder, previous, current, wordsOf } = options;
  const file = path.join(folder, vocabularyFileName([...current.values()].map((f) => path.basename(f))));
  if (existsSync(file)) return file;
  const counts = countedAgain(path.join(folder, vocabularyFileName([...previous.values()].map((f) => path.basename(f)))), previous, current, wordsOf) ?? counted(current, wordsOf);
  const text = JSON.stringify(rankedVocabulary(counts));
  if (options.later) options.later.push([file, text]);
  else writeWhole(file, text);
  return file;
}

function counted(current: ReadonlyMap<string, string>, wordsOf: (file: string) => readonly string[]): WordCounts {
  const counts: WordCounts = new Map();
  for (const file of current.values()) countWords(counts, wordsOf(file));
  return counts;
}

/** The previous load's counts with the changed articles' words taken out and put in; undefined if a file it needs cannot be read. */
function countedAgain(file: string, previous: ReadonlyMap<string, string>, current: ReadonlyMap<string, string>, wordsOf: (file: string) => readonly string[]): WordCounts | undefined {
  if (previous.size === 0) return undefined;
  try {
    const counts: WordCounts = new Map(JSON.parse(readFileSync(file, 'utf8')) as [string, number][]);
    for (const [slug, before] of previous) if (current.get(slug) !== before) countWords(counts, wordsOf(before), -1);
    for (const [slug, now] of current) if (previous.get(slug) !== now) countWords(counts, wordsOf(now));
    return counts;
  } catch {
    return undefined;
  }
}
