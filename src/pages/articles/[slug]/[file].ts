import type { APIRoute } from 'astro';
import { articleView, citableArticle } from '../../../data/article-view';
import { getCatalogue, type Article } from '../../../data/catalogue';
import { citations } from '../../../lib/citations';
import { toCsl } from '../../../lib/csl';
import { citationFileName } from '../../../lib/routes';

/** /articles/<slug>/citation.bib, .ris and .json: the article's citation files. */
const FILES = {
  [citationFileName('bib')]: { type: 'application/x-bibtex; charset=utf-8', pick: 'bibtex' },
  [citationFileName('ris')]: { type: 'application/x-research-info-systems; charset=utf-8', pick: 'ris' },
  [citationFileName('json')]: { type: 'application/vnd.citationstyles.csl+json; charset=utf-8', pick: 'cslJson' },
} as const;

export async function getStaticPaths() {
  const { articles } = await getCatalogue();
  return articles.flatMap((article) => Object.keys(FILES).map((file) => ({ params: { slug: article.id, file }, props: { article } })));
}

export const GET: APIRoute<{ article: Article }> = async ({ params, props, site }) => {
  const catalogue = await getCatalogue();
  const view = articleView(catalogue, props.article);
  const file = FILES[params.file as keyof typeof FILES];
  return new Response(citations(toCsl(citableArticle(props.article, view, site)))[file.pick], {
    headers: { 'Content-Type': file.type },
  });
};
