import type { APIRoute } from 'astro';
import { getCatalogue } from '../../../data/catalogue';
import { getCrossLinks } from '../../../data/cross-links';
import { peoplePages } from '../../../data/entity-search';
import { filesToRender } from '../../../data/page-reuse';
import { jsonResponse, jsonText } from '../../../lib/json-response';
import { personWordsUrl } from '../../../lib/routes';

/** /search/people/<id>.json: the first page of what a search for a person alone lists (their quotations, what they wrote, where they are named), with the counts of each. */
export async function getStaticPaths() {
  const pages = [...peoplePages(await getCatalogue(), await getCrossLinks())];
  // In a build that copies pages, written beside them (data/page-reuse).
  return filesToRender(pages, ([id, { first }]) => [[personWordsUrl(id).slice(1), jsonText(first)]]).map(([id, { first }]) => ({ params: { id }, props: { first } }));
}

export const GET: APIRoute = ({ props }) =>
  jsonResponse(props.first);
