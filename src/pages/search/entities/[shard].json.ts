import type { APIRoute } from 'astro';
import { SHARDS } from '../../../lib/did-you-mean';
import { getCatalogue } from '../../../data/catalogue';
import { getCrossLinks } from '../../../data/cross-links';
import { entityShards } from '../../../data/entity-search';
import { jsonResponse } from '../../../lib/json-response';

/** /search/entities/<letter>.json: people, organisations and topics by the first letter of each word of their names, fetched for the letters of a query's words. */
export async function getStaticPaths() {
  const shards = entityShards(await getCatalogue(), await getCrossLinks());
  // Every shard, an empty one too: a query's letter that names nothing is answered, not a 404.
  return SHARDS.map((shard) => ({ params: { shard }, props: { entries: shards.get(shard) ?? [] } }));
}

export const GET: APIRoute = ({ props }) =>
  jsonResponse(props.entries);
