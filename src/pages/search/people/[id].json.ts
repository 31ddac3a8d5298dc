import type { APIRoute } from 'astro';
import { getCatalogue } from '../../../data/catalogue';
import { getCrossLinks } from '../../../data/cross-links';
import { peopleWords } from '../../../data/entity-search';

/** /search/people/<id>.json: what a search for a person alone lists (their quotations, what they wrote, where they are named). */
export async function getStaticPaths() {
  const words = peopleWords(await getCatalogue(), await getCrossLinks());
  return [...words].map(([id, person]) => ({ params: { id }, props: { person } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.person), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
