import type { APIRoute } from 'astro';
import { SHARDS } from '../../../lib/did-you-mean';
import { getCatalogue } from '../../../data/catalogue';
import { getCrossLinks } from '../../../data/cross-links';
import { entityShards } from '../../../data/entity-search';
import { filesToRender } from '../../../data/page-reuse';
import { jsonResponse, jsonText } from '../../../lib/json-response';
import { entityShardUrl } from '../../../lib/routes';

/** /search/entities/<letter>.json: people, organisations and topics by the first letter of each word of their names, fetched for the letters of a query's words. */
export async function getStaticPaths() {
  const shards = entityShards(await getCatalogue(), await getCrossLinks());
  // Every shard, an empty one too: a query's letter that names nothing is answered, not a 404.
  const all = SHARDS.map((shard) => ({ shard, entries: shards.get(shard) ?? [] }));
  // In a build that copies pages, written beside them (data/page-reuse).
  return filesToRender(all, ({ shard, entries }) => [[entityShardUrl(shard).slice(1), jsonText(entries)]]).map(({ shard, entries }) => ({ params: { shard }, props: { entries } }));
}

export const GET: APIRoute = ({ props }) =>
  jsonResponse(props.entries);
