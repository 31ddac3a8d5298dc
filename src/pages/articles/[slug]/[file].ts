import type { APIRoute } from 'astro';
import { articleCitations } from '../../../data/article-page';
import { getCatalogue, type Article } from '../../../data/catalogue';
import { renderedArticles } from '../../../data/page-reuse';
import { CITATION_FORMATS, citationFileName, type CitationFormat } from '../../../lib/routes';

/** /articles/<slug>/citation.bib, .ris and .json: the article's citation files. */
const FILES = {
  bib: { type: 'application/x-bibtex; charset=utf-8', pick: 'bibtex' },
  ris: { type: 'application/x-research-info-systems; charset=utf-8', pick: 'ris' },
  json: { type: 'application/vnd.citationstyles.csl+json; charset=utf-8', pick: 'cslJson' },
} as const satisfies Record<CitationFormat, unknown>;

export async function getStaticPaths() {
  const { articles } = await getCatalogue();
  // Copied with the article's page when it is (data/page-reuse).
  return (await renderedArticles(articles)).flatMap((article) =>
    CITATION_FORMATS.map((format) => ({ params: { slug: article.id, file: citationFileName(format) }, props: { article, format } })),
  );
}

export const GET: APIRoute<{ article: Article; format: CitationFormat }> = async ({ props, site }) => {
  const file = FILES[props.format];
  return new Response(articleCitations(await getCatalogue(), props.article, site)[file.pick], {
    headers: { 'Content-Type': file.type },
  });
};
