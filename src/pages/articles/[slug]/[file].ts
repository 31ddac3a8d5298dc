import type { APIRoute } from 'astro';
import { articleCitations } from '../../../data/article-page';
import { getCatalogue, type Article } from '../../../data/catalogue';
import { filesToRender, renderedArticles } from '../../../data/page-reuse';
import { CITATION_FORMATS, citationFileName, citationFileUrl, type CitationFormat } from '../../../lib/routes';

/** /articles/<slug>/citation.bib, .ris and .json: the article's citation files. */
const FILES = {
  bib: { type: 'application/x-bibtex; charset=utf-8', pick: 'bibtex' },
  ris: { type: 'application/x-research-info-systems; charset=utf-8', pick: 'ris' },
  json: { type: 'application/vnd.citationstyles.csl+json; charset=utf-8', pick: 'cslJson' },
} as const satisfies Record<CitationFormat, unknown>;

export async function getStaticPaths() {
  const c = await getCatalogue();
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  // Copied with the article's page when it is; in a build that copies pages, written beside them (data/page-reuse).
  const articles = filesToRender(await renderedArticles(c.articles), (article) => {
    const texts = articleCitations(c, article, site);
    return CITATION_FORMATS.map((format) => [citationFileUrl(article.id, format).slice(1), texts[FILES[format].pick]]);
  });
  return articles.flatMap((article) =>
    CITATION_FORMATS.map((format) => ({ params: { slug: article.id, file: citationFileName(format) }, props: { article, format } })),
  );
}

export const GET: APIRoute<{ article: Article; format: CitationFormat }> = async ({ props, site }) => {
  const file = FILES[props.format];
  return new Response(articleCitations(await getCatalogue(), props.article, site)[file.pick], {
    headers: { 'Content-Type': file.type },
  });
};
