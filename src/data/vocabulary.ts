import { shardOf, type Vocabulary } from '../lib/did-you-mean';
import { vocabularyOf, type Catalogue } from './catalogue';

/**
 * The words of the collection, for "Did you mean" (lib/did-you-mean): each
 * with the number of articles that have it, most frequent first, in shards by
 * first letter. Made once per build from each article's words, which the
 * articles loader keeps with its record (lib/did-you-mean's articleVocabulary).
 */
const made = new WeakMap<Catalogue, Map<string, Vocabulary>>();

export function vocabularyShards(c: Catalogue): Map<string, Vocabulary> {
  let shards = made.get(c);
  if (shards) return shards;
  const counts = new Map<string, number>();
  for (const article of c.articles) {
    for (const word of vocabularyOf(article)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  shards = new Map();
  for (const [word, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const shard = shardOf(word);
    const list = (shards.get(shard) ?? []) as [string, number][];
    list.push([word, n]);
    shards.set(shard, list);
  }
  made.set(c, shards);
  return shards;
}
