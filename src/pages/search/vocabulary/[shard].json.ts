import type { APIRoute } from 'astro';
import { SHARDS } from '../../../lib/did-you-mean';
import { getCatalogue } from '../../../data/catalogue';
import { filesToRender } from '../../../data/page-reuse';
import { vocabularyShards } from '../../../data/vocabulary';
import { jsonResponse, jsonText } from '../../../lib/json-response';
import { vocabularyUrl } from '../../../lib/routes';

/** /search/vocabulary/<letter>.json: the collection's words by first letter, fetched by search only when a word matched nothing. */
export async function getStaticPaths() {
  const shards = vocabularyShards(await getCatalogue());
  // Every shard, an empty one too: a query's letter that names nothing is answered, not a 404.
  const all = SHARDS.map((shard) => ({ shard, vocabulary: shards.get(shard) ?? [] }));
  // In a build that copies pages, written beside them (data/page-reuse).
  return filesToRender(all, ({ shard, vocabulary }) => [[vocabularyUrl(shard).slice(1), jsonText(vocabulary)]]).map(({ shard, vocabulary }) => ({ params: { shard }, props: { vocabulary } }));
}

export const GET: APIRoute = ({ props }) =>
  jsonResponse(props.vocabulary);
