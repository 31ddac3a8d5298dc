import { vocabularyShards as shardsOf, type Vocabulary } from '../lib/did-you-mean';
import { collectionVocabulary, type Catalogue } from './catalogue';

/**
 * The words of the collection, for "Did you mean" (lib/did-you-mean): each
 * with the number of articles that have it, most frequent first, in shards by
 * first letter. Counted by the articles loader, which keeps each article's
 * words and counts again only those that changed (loaders/collection-vocabulary).
 */
const made = new WeakMap<Catalogue, Map<string, Vocabulary>>();

export function vocabularyShards(c: Catalogue): Map<string, Vocabulary> {
  let shards = made.get(c);
  if (!shards) {
    shards = shardsOf(collectionVocabulary(c.articles));
    made.set(c, shards);
  }
  return shards;
}
