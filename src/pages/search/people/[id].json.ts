import type { APIRoute } from 'astro';
import { getCatalogue } from '../../../data/catalogue';
import { getCrossLinks } from '../../../data/cross-links';
import { peoplePages } from '../../../data/entity-search';
import { jsonResponse } from '../../../lib/json-response';

/** /search/people/<id>.json: the first page of what a search for a person alone lists (their quotations, what they wrote, where they are named), with the counts of each. */
export async function getStaticPaths() {
  const pages = peoplePages(await getCatalogue(), await getCrossLinks());
  return [...pages].map(([id, { first }]) => ({ params: { id }, props: { first } }));
}

export const GET: APIRoute = ({ props }) =>
  jsonResponse(props.first);
