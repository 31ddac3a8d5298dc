import type { APIRoute } from 'astro';
import { getCatalogue } from '../../../data/catalogue';
import { getCrossLinks } from '../../../data/cross-links';
import { peoplePages, peopleSearchInputs } from '../../../data/entity-search';
import { keptFilesToRender } from '../../../data/page-reuse';
import { jsonResponse, jsonText } from '../../../lib/json-response';
import { personWordsUrl } from '../../../lib/routes';

/** /search/people/<id>.json: the first page of what a search for a person alone lists (their quotations, what they wrote, where they are named), with the counts of each. */
export async function getStaticPaths() {
  const [c, x] = [await getCatalogue(), await getCrossLinks()];
  // In a build that copies pages, written beside them (data/page-reuse), or linked from the previous build if made from the same.
  return keptFilesToRender(
    'people-search',
    () => peopleSearchInputs(c, x),
    () => [...peoplePages(c, x)],
    ([id]) => personWordsUrl(id).slice(1),
    ([, { first }]) => jsonText(first),
  ).map(([id, { first }]) => ({ params: { id }, props: { first } }));
}

export const GET: APIRoute = ({ props }) =>
  jsonResponse(props.first);
