import type { APIRoute } from 'astro';
import { SHARDS } from '../../../lib/did-you-mean';
import { getCatalogue } from '../../../data/catalogue';
import { vocabularyShards } from '../../../data/vocabulary';
import { jsonResponse } from '../../../lib/json-response';

/** /search/vocabulary/<letter>.json: the collection's words by first letter, fetched by search only when a word matched nothing. */
export async function getStaticPaths() {
  const shards = vocabularyShards(await getCatalogue());
  // Every shard, an empty one too: a query's letter that names nothing is answered, not a 404.
  return SHARDS.map((shard) => ({ params: { shard }, props: { vocabulary: shards.get(shard) ?? [] } }));
}

export const GET: APIRoute = ({ props }) =>
  jsonResponse(props.vocabulary);
