import type { APIRoute } from 'astro';
import { getCatalogue } from '../../../../data/catalogue';
import { getCrossLinks } from '../../../../data/cross-links';
import { peoplePages } from '../../../../data/entity-search';
import { filesToRender } from '../../../../data/page-reuse';
import { jsonResponse, jsonText } from '../../../../lib/json-response';
import { personWordsPageUrl } from '../../../../lib/routes';

/** /search/people/<id>/<n>.json: page n (from 2) of a search for a person alone, fetched by "Show more". */
export async function getStaticPaths() {
  const pages = [...peoplePages(await getCatalogue(), await getCrossLinks())].flatMap(([id, { rest }]) => rest.map((items, i) => ({ id, n: i + 2, items })));
  // In a build that copies pages, written beside them (data/page-reuse).
  return filesToRender(pages, ({ id, n, items }) => [[personWordsPageUrl(id, n).slice(1), jsonText(items)]]).map(({ id, n, items }) => ({
    params: { id, page: String(n) },
    props: { items },
  }));
}

export const GET: APIRoute = ({ props }) =>
  jsonResponse(props.items);
