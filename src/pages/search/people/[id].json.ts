import type { APIRoute } from 'astro';
import { getCatalogue } from '../../../data/catalogue';
import { getCrossLinks } from '../../../data/cross-links';
import { personWords } from '../../../data/entity-search';

/** /search/people/<id>.json: what a search for a person alone lists (their quotations, what they wrote, where they are named). */
export async function getStaticPaths() {
  const catalogue = await getCatalogue();
  return [...catalogue.people.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(personWords(await getCatalogue(), await getCrossLinks(), params.id!)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
