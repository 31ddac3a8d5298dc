import type { APIRoute } from 'astro';
import { getCatalogue } from '../../../../data/catalogue';
import { getCrossLinks } from '../../../../data/cross-links';
import { peoplePages, peopleSearchInputs } from '../../../../data/entity-search';
import { keptFilesToRender } from '../../../../data/page-reuse';
import { jsonResponse, jsonText } from '../../../../lib/json-response';
import { personWordsPageUrl } from '../../../../lib/routes';

/** /search/people/<id>/<n>.json: page n (from 2) of a search for a person alone, fetched by "Show more". */
export async function getStaticPaths() {
  const [c, x] = [await getCatalogue(), await getCrossLinks()];
  // In a build that copies pages, written beside them (data/page-reuse), or linked from the previous build if made from the same.
  return keptFilesToRender(
    'people-search-pages',
    () => peopleSearchInputs(c, x),
    () => [...peoplePages(c, x)].flatMap(([id, { rest }]) => rest.map((items, i) => ({ id, n: i + 2, items }))),
    ({ id, n }) => personWordsPageUrl(id, n).slice(1),
    ({ items }) => jsonText(items),
  ).map(({ id, n, items }) => ({
    params: { id, page: String(n) },
    props: { items },
  }));
}

export const GET: APIRoute = ({ props }) =>
  jsonResponse(props.items);
