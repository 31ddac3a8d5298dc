import { valueOf, type Fact } from '../lib/fact';
import type { ArticleRow, QuotationRow } from '../lib/exports';
import { articleUrl, sourceUrl } from '../lib/routes';
import { articleView } from './article-view';
import { catalogueNames, type Catalogue } from './catalogue';
import { speakerName } from '../lib/speakers';
import type { CrossLinks } from './cross-links';

/** The rows of /data/: every article, and every quotation (pull quotes, which repeat the text, left out). */
const statusOf = (fact: Fact<unknown>) => (fact.status === 'none' ? 'not stated' : fact.status);

/**
 * What the rows are made from, for a key (data/page-reuse keptFilesToRender,
 * which takes each collection entry by its id and data): the articles, the
 * people, organisations and topics whose names the rows give, and the
 * quotations as cross-links found them (with the roles of their speakers).
 */
export function exportsInputs(c: Catalogue, x: CrossLinks): object {
  return [c.articles, [...c.people.values()], [...c.organisations.values()], [...c.topics.values()], x.quotes];
}

export function articleRows(c: Catalogue, site: URL | undefined): ArticleRow[] {
  return c.articles.map((article) => {
    const view = articleView(c, article);
    return {
      slug: article.id,
      url: new URL(articleUrl(article.id), site).href,
      title: view.title,
      titleSource: view.titleSource,
      date: valueOf(view.date)?.iso ?? null,
      dateStatus: statusOf(view.date),
      kind: valueOf(view.kind) ?? null,
      kindStatus: statusOf(view.kind),
      publisher: valueOf(view.publisher)?.name ?? null,
      publisherStatus: statusOf(view.publisher),
      authors: view.authors.map((a) => a.name),
      authorsInferred: view.authorsInferred?.links.map((a) => a.name) ?? [],
      speakers: view.speakers.map((s) => s.name),
      topics: view.topics.map((t) => t.name),
      sourceUrl: article.data.source.url ?? null,
      capture: new URL(sourceUrl(article.data.source.capture), site).href,
    };
  });
}

export function quotationRows(c: Catalogue, x: CrossLinks, site: URL | undefined): QuotationRow[] {
  return x.quotes.flatMap((q) => {
    if (q.form === 'pull') return [];
    const view = articleView(c, q.article);
    return [
      {
        text: q.text.trim(),
        speaker: q.speaker ? speakerName(q.speaker, catalogueNames(c)) : null,
        speakerId: q.speaker,
        role: q.role ?? null,
        form: q.form,
        article: q.article.id,
        articleTitle: view.title,
        permalink: new URL(q.href, site).href,
        date: valueOf(view.date)?.iso ?? null,
        dateStatus: statusOf(view.date),
      },
    ];
  });
}
