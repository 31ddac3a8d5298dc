import type { APIRoute } from 'astro';
import { getCatalogue } from '../../../../data/catalogue';
import { getCrossLinks } from '../../../../data/cross-links';
import { peoplePages } from '../../../../data/entity-search';
import { jsonResponse } from '../../../../lib/json-response';

/** /search/people/<id>/<n>.json: page n (from 2) of a search for a person alone, fetched by "Show more". */
export async function getStaticPaths() {
  const pages = peoplePages(await getCatalogue(), await getCrossLinks());
  return [...pages].flatMap(([id, { rest }]) => rest.map((items, i) => ({ params: { id, page: String(i + 2) }, props: { items } })));
}

export const GET: APIRoute = ({ props }) =>
  jsonResponse(props.items);
