import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareNewestFirst } from '../lib/article-dates';
import { summariseCollection, type CollectionSummary } from '../lib/collection-summary';
import { factOf, mapFact } from '../lib/fact';
import { pendingStoredFile, vocabularyFileName, type ArticleRecord, type RecordedParts, type StoredRendering } from '../lib/article-record';
import type { Vocabulary } from '../lib/did-you-mean';
import type { ArticleNotes } from '../lib/quotations';
import { describeDanglingReference, findDanglingReferences } from '../lib/references';
import { contentError } from '../lib/content-error';
import { FEED_SIZE } from '../lib/routes';

export type Article = CollectionEntry<'articles'>;
export type Person = CollectionEntry<'people'>;
export type Organisation = CollectionEntry<'organisations'>;
export type Topic = CollectionEntry<'topics'>;

export interface Catalogue {
  /** Newest first; undated articles last. */
  articles: Article[];
  /** The same articles by id. */
  articlesById: Map<string, Article>;
  people: Map<string, Person>;
  organisations: Map<string, Organisation>;
  topics: Map<string, Topic>;
}

const COLLECTIONS = ['articles', 'people', 'organisations', 'topics'] as const;

async function load(): Promise<Catalogue> {
  const [articles, people, organisations, topics] = await Promise.all([
    getCollection('articles'),
    getCollection('people'),
    getCollection('organisations'),
    getCollection('topics'),
  ]);
  const dangling = findDanglingReferences([...articles, ...people, ...organisations, ...topics], COLLECTIONS);
  if (dangling.length > 0) {
    // Astro only logs a dangling reference and carries on; a site with a
    // broken author or publisher must not be published.
    throw contentError(
      `Unknown reference${dangling.length > 1 ? 's' : ''} in the content:\n` +
        dangling.map((d) => `  - ${describeDanglingReference(d)}`).join('\n'),
    );
  }
  const byId = <T extends { id: string }>(entries: T[]) => new Map(entries.map((e) => [e.id, e]));
  return {
    articles: [...articles].sort((a, b) => compareNewestFirst(a.data, b.data)),
    articlesById: byId(articles),
    people: byId(people),
    organisations: byId(organisations),
    topics: byId(topics),
  };
}

let catalogue: Promise<Catalogue> | undefined;

/** Every page reads the content through here, so the checks run on every build. */
export function getCatalogue(): Promise<Catalogue> {
  catalogue ??= load();
  return catalogue;
}

function required<T>(map: Map<string, T>, kind: string, id: string): T {
  const entry = map.get(id);
  if (!entry) throw new Error(`Unknown ${kind} "${id}"`);
  return entry;
}

export const personOf = (c: Catalogue, ref: { id: string }) => required(c.people, 'person', ref.id);
export const organisationOf = (c: Catalogue, ref: { id: string }) => required(c.organisations, 'organisation', ref.id);
export const topicOf = (c: Catalogue, ref: { id: string }) => required(c.topics, 'topic', ref.id);
export const articleOf = (c: Catalogue, ref: { id: string }) => required(c.articlesById, 'article', ref.id);

const namesCache = new WeakMap<Catalogue, { people: Map<string, string>; organisations: Map<string, string> }>();

/** People and organisations by id → name, for lib/speakers: made once per build. */
export function catalogueNames(c: Catalogue): { people: Map<string, string>; organisations: Map<string, string> } {
  let names = namesCache.get(c);
  if (!names) {
    names = {
      people: new Map([...c.people.values()].map((p) => [p.id, p.data.name])),
      organisations: new Map([...c.organisations.values()].map((o) => [o.id, o.data.name])),
    };
    namesCache.set(c, names);
  }
  return names;
}

const summaryCache = new WeakMap<Catalogue, CollectionSummary>();

/** The collection's kinds of text and publishers, counted (lib/collection-summary): what the home and about pages say of it. */
export function catalogueSummary(c: Catalogue): CollectionSummary {
  let summary = summaryCache.get(c);
  if (!summary) {
    const names = catalogueNames(c).organisations;
    summary = summariseCollection(
      c.articles.map(({ data }) => ({
        kind: factOf(data.kind, data.kindInferred),
        publisher: mapFact(factOf(data.publisher, data.publisherInferred), (ref) => names.get(ref.id) ?? ref.id),
      })),
    );
    summaryCache.set(c, summary);
  }
  return summary;
}

/** What the feeds carry (RSS and Atom alike): the newest FEED_SIZE published articles, never a draft. */
export function feedArticles(c: Catalogue): Article[] {
  return c.articles.filter((a) => !a.data.draft).slice(0, FEED_SIZE);
}

// Each article's place in date order, found once: a search of the list for every page was quadratic in the collection.
const positionsCache = new WeakMap<Catalogue, Map<string, number>>();

/** The articles next to this one in date order: newer and older. */
export function neighbours(c: Catalogue, id: string): { newer?: Article | undefined; older?: Article | undefined } {
  let positions = positionsCache.get(c);
  if (!positions) positionsCache.set(c, (positions = new Map(c.articles.map((a, i) => [a.id, i]))));
  const index = positions.get(id) ?? -1;
  return { newer: c.articles[index - 1], older: c.articles[index + 1] };
}

/** What the articles loader stored beside the article (lib/article-record); parts are missing only if it did not run. */
export function storedOf(article: Article): Partial<StoredRendering> {
  return (article.rendered?.metadata ?? {}) as Partial<StoredRendering>;
}

/** A file the articles loader wrote for the article, as its entry names it. */
function readStoredPath(article: Article, file: string | undefined, what: string): string {
  if (!file) throw new Error(`The article "${article.id}" has no ${what}: the articles loader did not store it.`);
  return file;
}

/** A file the articles loader wrote for the article (its HTML, its record), which a page or derivation reads back. */
export function readStoredFile(article: Article, given: string | undefined, what: string): string {
  const file = readStoredPath(article, given, what);
  try {
    return pendingStoredFile(file) ?? readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`The ${what} of the article "${article.id}" could not be read from ${file} (${(error as NodeJS.ErrnoException).code}): the cache folder changed during the build. Build again.`);
  }
}

/** A stored JSON file (a record, a vocabulary): one cut short or damaged says so and what to do, not only where JSON.parse stopped. */
function readStoredJson<T>(article: Article, file: string | undefined, what: string): T {
  const text = readStoredFile(article, file, what);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`The ${what} of the article "${article.id}" in ${file} is damaged (it is not whole JSON): delete the folder it is in and build again.`);
  }
}

// Each record file is read once a run; its name is its render key, so what is read for a name never goes stale.
const recordFiles = new Map<string, RecordedParts>();

/** What rendering the article recorded: its blocks and marked quotations (see loaders/articles). */
export function recordOf(article: Article): ArticleRecord {
  const file = storedOf(article).recordFile;
  let recorded = file === undefined ? undefined : recordFiles.get(file);
  if (file !== undefined && !recorded) {
    recorded = readStoredJson<RecordedParts>(article, file, 'record');
    recordFiles.set(file, recorded);
  }
  return {
    slug: article.id,
    file: article.filePath ?? article.id,
    title: article.data.title,
    blocks: recorded?.blocks ?? [],
    quotes: recorded?.quotes ?? [],
  };
}

/**
 * The collection's vocabulary for "Did you mean" (lib/did-you-mean), as the
 * articles loader counted it from the articles' words
 * (loaders/collection-vocabulary), in the file named from their files.
 */
export function collectionVocabulary(articles: Article[]): Vocabulary {
  const files = articles.map((article) => readStoredPath(article, storedOf(article).vocabularyFile, 'vocabulary'));
  if (files.length === 0) return [];
  const file = path.join(path.dirname(files[0]!), vocabularyFileName(files.map((f) => path.basename(f))));
  let text: string;
  try {
    text = pendingStoredFile(file) ?? readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`The collection's vocabulary could not be read from ${file} (${(error as NodeJS.ErrnoException).code}): the cache folder changed during the build. Build again.`);
  }
  try {
    return JSON.parse(text) as Vocabulary;
  } catch {
    throw new Error(`The collection's vocabulary in ${file} is damaged (it is not whole JSON): delete the folder it is in and build again.`);
  }
}

/** The quoted-from notes of the article's blocks, as rendering found them (loaders/articles). */
export function quotedNotesOf(article: Article): ArticleNotes {
  return storedOf(article).quoted ?? {};
}
