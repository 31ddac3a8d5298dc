import type { APIRoute } from 'astro';
import { getCatalogue } from '../../../data/catalogue';
import { vocabularyShards } from '../../../data/vocabulary';

/** /search/vocabulary/<letter>.json: the collection's words by first letter, fetched by search only when a word matched nothing. */
export async function getStaticPaths() {
  const shards = vocabularyShards(await getCatalogue());
  return [...shards].map(([shard, vocabulary]) => ({ params: { shard }, props: { vocabulary } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.vocabulary), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
