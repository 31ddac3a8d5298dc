import { factOf, mapFact, type Fact, type Inference } from '../lib/fact';
import { articleDate, type DateStatus } from '../lib/article-dates';
import type { CitableArticle } from '../lib/csl';
import { organisationOf, personOf, topicOf, type Article, type Catalogue } from './catalogue';
import { articleUrl, organisationUrl, personUrl, topicUrl } from '../lib/routes';


export interface Link {
  /** The entry's id (its slug), when the link is to an entry of the collection. */
  id: string;
  name: string;
  href: string;
}

export interface ArticleView {
  id: string;
  href: string;
  title: string;
  titleSource: 'source' | 'editor';
  titleBasis?: string | undefined;
  standfirst?: string | undefined;
  date: DateStatus;
  kind: Fact<string>;
  publisher: Fact<Link>;
  /** As the source states them. */
  authors: Link[];
  /** The editors' inference, when the source names no author: never cited as a stated author. */
  authorsInferred?: { links: Link[]; basis: string } | undefined;
  speakers: Link[];
  organisations: Link[];
  topics: Link[];
  partOf?: { name: string; relation: 'series' | 'extract' } | undefined;
}

const fact = <T, U>(stated: T | undefined, inferred: Inference<T> | undefined, show: (v: T) => U): Fact<U> => mapFact(factOf(stated, inferred), show);

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function articleView(c: Catalogue, article: Article): ArticleView {
  const d = article.data;
  const personLink = (ref: { id: string }): Link => ({ id: ref.id, name: personOf(c, ref).data.name, href: personUrl(ref.id) });
  const organisationLink = (ref: { id: string }): Link => ({
    id: ref.id,
    name: organisationOf(c, ref).data.name,
    href: organisationUrl(ref.id),
  });
  return {
    id: article.id,
    href: articleUrl(article.id),
    title: d.title,
    titleSource: d.titleSource,
    titleBasis: d.titleBasis,
    standfirst: d.standfirst,
    date: articleDate(d),
    kind: fact(d.kind, d.kindInferred, capitalise),
    publisher: fact(d.publisher, d.publisherInferred, organisationLink),
    authors: d.authors.map(personLink),
    authorsInferred: d.authorsInferred && { links: d.authorsInferred.value.map(personLink), basis: d.authorsInferred.basis },
    speakers: d.speakers.map(personLink),
    organisations: d.organisations.map(organisationLink),
    topics: d.topics.map((ref) => ({ id: ref.id, name: topicOf(c, ref).data.name, href: topicUrl(ref.id) })),
    partOf: d.partOf,
  };
}

/** The facts a citation is made of: only what the source states, an inferred date marked as one. */
export function citableArticle(article: Article, view: ArticleView, site: URL | undefined): CitableArticle {
  const d = article.data;
  const date = d.published ?? d.publishedInferred?.value;
  return {
    id: article.id,
    title: view.title,
    kind: d.kind,
    date: date && {
      year: date.year,
      month: date.month,
      day: date.day,
      precision: date.precision,
      inferred: d.published === undefined,
    },
    authors: view.authors.map((a) => a.name),
    publisher: view.publisher.status === 'none' ? undefined : { name: view.publisher.value.name, inferred: view.publisher.status === 'inferred' },
    url: d.source.url ?? new URL(view.href, site).href,
  };
}

/** The short date a quote citation carries: "30 September 2015", "c. 2016 (date inferred)" or "n.d.". */
export function citationDate(view: ArticleView): string {
  if (view.date.status === 'stated') return view.date.label;
  if (view.date.status === 'inferred') return `${view.date.label} (date inferred)`;
  return 'n.d.';
}
