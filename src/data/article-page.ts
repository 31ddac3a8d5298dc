import { citations, type Citations } from '../lib/citations';
import type { CitableArticle } from '../lib/csl';
import { headDescription } from '../lib/head-title';
import { countWords, readingTime } from '../lib/reading-time';
import { articleView, citableArticle, citationDate, type ArticleView, type Link } from './article-view';
import { neighbours, recordOf, type Article, type Catalogue } from './catalogue';
import { organisationSpeaker } from '../lib/speakers';
import { relatedArticles, roleThen, type CrossLinks } from './cross-links';

/**
 * Everything an article's page shows that is derived rather than stored, in
 * one place, so the page and its components only render: attribution,
 * speakers, length, citations, related and neighbouring articles, and the
 * facts for structured data.
 */
export interface ArticlePage {
  view: ArticleView;
  /** Who the words are by: the one speaker of a statement, else the authors. */
  who?: string | undefined;
  /** The publisher when the source states it (an inferred one is not cited as fact). */
  statedPublisher?: Link | undefined;
  /** schema.org type: press releases and statements are news. */
  schemaType: 'NewsArticle' | 'Article';
  /**
   * Speaker (a person's id, or an organisation's key) → name, for everyone whose words the article carries, and no one
   * else: the page hands it to the browser for quote citations, and a page must not grow with the collection.
   */
  speakerNames: Record<string, string>;
  /** Name → role at the article's date, for everyone whose words it carries (lib/roles). */
  roles: Record<string, string>;
  length: { words: number; minutes: number; label: string };
  /** What the citations are made from; the page hands it to the browser for paragraph citations. */
  citable: CitableArticle;
  /** For search results and link previews: the standfirst, else the opening words of the text, in whole sentences where they fit. */
  description: string;
  citations: Citations;
  /** The short date a quote citation carries. */
  citationDate: string;
  record: ReturnType<typeof recordOf>;
  related: ReturnType<typeof relatedArticles>;
  newer?: ArticleView | undefined;
  older?: ArticleView | undefined;
}

const namesCache = new WeakMap<Catalogue, Record<string, string>>();

/** Speaker (a person's id, or an organisation's key, lib/speakers) → name, made once per build rather than once per article page. */
function speakerNames(c: Catalogue): Record<string, string> {
  let names = namesCache.get(c);
  if (!names) {
    names = Object.fromEntries([
      ...[...c.people.values()].map((p): [string, string] => [p.id, p.data.name]),
      ...[...c.organisations.values()].map((o): [string, string] => [organisationSpeaker(o.id), o.data.name]),
    ]);
    namesCache.set(c, names);
  }
  return names;
}

/** The names of the speakers of an article's marked quotations (its record's quotes and blocks). */
function speakersIn(names: Record<string, string>, record: ReturnType<typeof recordOf>): Record<string, string> {
  const ids = new Set([...record.quotes.map((q) => q.speaker), ...record.blocks.map((b) => b.speaker)]);
  return Object.fromEntries([...ids].flatMap((id) => (id && names[id] !== undefined ? [[id, names[id]]] : [])));
}

function rolesIn(c: Catalogue, article: Article, record: ReturnType<typeof recordOf>, view: ArticleView): Record<string, string> {
  const ids = new Set([...view.authors, ...view.speakers].map((p) => p.id));
  for (const q of record.quotes) if (q.speaker) ids.add(q.speaker);
  return Object.fromEntries(
    [...ids].flatMap((id) => {
      const role = roleThen(c, id, article);
      const name = c.people.get(id)?.data.name;
      return role && name ? [[name, role]] : [];
    }),
  );
}

/** An article's citations (the page and its three citation files). */
export function articleCitations(c: Catalogue, article: Article, site: URL | undefined): Citations {
  return citations(citableArticle(article, articleView(c, article), site));
}

export function articlePage(c: Catalogue, x: CrossLinks, article: Article, site: URL | undefined): ArticlePage {
  const view = articleView(c, article);
  const citable = citableArticle(article, view, site);
  const record = recordOf(article);
  // Pull quotes repeat the text, and headings are not read as prose.
  const words = countWords(
    record.blocks
      .filter((b) => b.kind !== 'pull-quote' && b.kind !== 'heading')
      .map((b) => b.text)
      .join(' '),
  );
  const kind = view.kind.status === 'none' ? undefined : article.data.kind ?? article.data.kindInferred?.value;
  const { newer, older } = neighbours(c, article.id);
  return {
    view,
    who: view.speakers.length === 1 ? view.speakers[0]!.name : view.authors.map((a) => a.name).join(', ') || undefined,
    statedPublisher: view.publisher.status === 'stated' ? view.publisher.value : undefined,
    schemaType: kind === 'press release' || kind === 'press statement' || kind === 'news report' ? 'NewsArticle' : 'Article',
    speakerNames: speakersIn(speakerNames(c), record),
    roles: rolesIn(c, article, record, view),
    length: { ...readingTime(words), words },
    citable,
    description: headDescription(view.standfirst ?? (record.blocks.filter((b) => b.kind === 'paragraph').slice(0, 2).map((b) => b.text).join(' ') || view.title)),
    citations: citations(citable),
    citationDate: citationDate(view),
    record,
    related: relatedArticles(c, x, article),
    newer: newer && articleView(c, newer),
    older: older && articleView(c, older),
  };
}
