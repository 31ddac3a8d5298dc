import { readCollectionDescription } from '../content-files/config-files';
import { articleDateKey } from '../lib/article-dates';
import { readRegister } from '../content-files/permalinks';
import { articlePageFile, inputsKey, pageReuse } from '../lib/page-reuse';
import { sortMonth } from '../lib/search-shards';
import { referencesIn } from '../lib/references';
import { speakerOf } from '../lib/speakers';
import { getCatalogue, neighbours, recordOf, type Article, type Catalogue } from './catalogue';
import { getCrossLinks, relatedArticles, type CrossLinks } from './cross-links';

/**
 * Which article pages this build renders: all of them, unless the previous
 * build has an article's page made from exactly the same inputs, which is
 * then copied (integrations/page-reuse). An article page is made from:
 * - the code and the build's settings (the integration's code key);
 * - the people and organisations the page shows (entitiesShown): those its
 *   data names and those who speak in it, with the organisations of their
 *   roles and the dates of the articles that state the roles. A person added
 *   or corrected re-renders only the pages that show them; a name that
 *   appears in an article's text is in its HTML, and so in its digest;
 * - the topics' names (an article page shows a topic's name and link, never
 *   its description, whose edit re-renders no article page);
 * - the collection's subject (content/collection.yaml: every page's footer
 *   says what the collection is; its introduction is the home page's only);
 * - the article's own data and its rendered HTML (by digest) and record, which carry
 *   everything the Markdown pipeline took from the collection (mentions,
 *   quoted-from notes, moved anchors);
 * - its neighbours in date order and its related articles (their data), and
 *   its blocks' echoes in other articles.
 * Anything else a page showed would have to join this key, or a rebuild
 * would keep a stale page: tests/build/incremental.test.ts compares a
 * rebuild with a clean build.
 */
let toRender: Promise<Set<string> | undefined> | undefined;

/** The ids of the articles whose pages (and citation files) this build renders; undefined for all of them. */
export function articlesToRender(): Promise<Set<string> | undefined> {
  toRender ??= decide();
  return toRender;
}

/** Only the articles this build renders, of those given. */
export async function renderedArticles<T extends { id: string }>(articles: T[]): Promise<T[]> {
  const only = await articlesToRender();
  return only ? articles.filter((a) => only.has(a.id)) : articles;
}

/**
 * The captures the sources route renders: none in a build that copies pages
 * (integrations/page-reuse copies them all in, in whole), every one otherwise
 * (`astro dev`, a bare `astro build`).
 */
export function capturesToRender(captures: string[]): string[] {
  const reuse = pageReuse();
  if (!reuse) return captures;
  reuse.placeCaptures(captures);
  return [];
}

/**
 * The items whose files their route renders: none in a build that copies
 * pages (each item's files, made here as the route would make them, are
 * handed to integrations/page-reuse, which writes them off the main thread
 * while the pages are rendered), every one given otherwise (`astro dev`, a
 * bare `astro build`). For files whose text needs no page around it: an
 * article's citation files, the search page's JSON, the data exports.
 * Through Astro each cost the main thread 0.6-3 ms (a Response made and its
 * body read back, its folder made); a data export's megabytes, made into a
 * Response, were scanned again for lone surrogates.
 */
export function filesToRender<T>(items: T[], files: (item: T) => [file: string, text: string][]): T[] {
  const reuse = pageReuse();
  if (!reuse) return items;
  reuse.placeFiles(items.flatMap(files));
  return [];
}

/**
 * As filesToRender, for files made from `inputs` alone (and the code; a
 * collection entry in them stands for its id and data, entriesByDigest): in
 * a rebuild whose previous build made them from inputs with the same key,
 * that build's files are linked in (PageReuse's placePrevious) and their
 * texts are never made. `name` keeps their key apart from other files'. For
 * the data exports, megabytes of JSON and CSV that an edit to an article's
 * text leaves as they were: 1 s of a rebuild's main thread at 5,000
 * articles. The inputs had best be what the texts are made from, not the
 * texts: keyed by their rows, the exports cost 0.8 s to key.
 */
export function keptFilesToRender<T>(name: string, inputs: () => object, items: () => T[], fileOf: (item: T) => string, textOf: (item: T) => string): T[] {
  const reuse = pageReuse();
  if (!reuse) return items();
  const key = keyOf(inputs());
  const before = reuse.derived.previous[`files:${name}`] as { key: string; files: string[] } | undefined;
  // Kept, the files are the previous build's list: the items are never worked out.
  if (before?.key === key && reuse.placePrevious(before.files)) {
    reuse.derived.current[`files:${name}`] = before;
    return [];
  }
  const made = items();
  reuse.derived.current[`files:${name}`] = { key, files: made.map(fileOf) };
  reuse.placeFiles(made.map((item) => [fileOf(item), textOf(item)]));
  return [];
}

const keys = new WeakMap<object, string>();
/** The key of files' inputs, once for routes that share them (the same object). */
function keyOf(inputs: object): string {
  let key = keys.get(inputs);
  if (key === undefined) keys.set(inputs, (key = inputsKey(inputs, entriesByDigest)));
  return key;
}

/**
 * The numbered pages of a listing (the articles', the quotes', the
 * timeline's) this build renders: those whose key is not the previous
 * build's, the others linked from it (PageReuse's placePrevious). A page's
 * key is of what it shows, `shown` (its view, as the page makes it, with
 * each collection entry in it by its id and data, since a listing shows no
 * article's text), and what every page shows (the code and the collection's
 * subject). An edit to an article's text leaves them all as they were: at
 * 5,000 articles, 250 pages and 1.5 s of a rebuild's main thread.
 */
export function listingPagesToRender<T>(route: string, paths: T[], urlOf: (path: T) => string, shown: (path: T) => unknown): T[] {
  const reuse = pageReuse();
  if (!reuse) return paths;
  const shared = inputsKey([reuse.codeKey, readCollectionDescription().description.subject ?? null]);
  const previous = (reuse.derived.previous[`pages:${route}`] ?? {}) as Record<string, string>;
  const current: Record<string, string> = {};
  reuse.derived.current[`pages:${route}`] = current;
  const kept: T[] = [];
  const render: T[] = [];
  for (const path of paths) {
    const url = urlOf(path);
    current[url] = inputsKey([shared, shown(path)], entriesByDigest);
    (previous[url] === current[url] ? kept : render).push(path);
  }
  const urls = kept.map(urlOf);
  return kept.length === 0 || reuse.placePrevious(urls.map((url) => `${url.slice(1)}index.html`), urls) ? render : paths;
}

/** For a key of what a page shows: a collection entry by its id and data (dataDigest), not written out whole. */
function entriesByDigest(_key: string, value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'collection' in value && 'id' in value && 'data' in value ? dataDigest(value as Entry) : value;
}

async function decide(): Promise<Set<string> | undefined> {
  const reuse = pageReuse();
  if (!reuse) return undefined;
  const [c, x] = await Promise.all([getCatalogue(), getCrossLinks()]);
  const topicNames = [...c.topics.values()].map((t) => [t.id, t.data.name]);
  const shared = inputsKey([reuse.codeKey, topicNames, readCollectionDescription().description.subject ?? null]);
  const render = new Set<string>();
  for (const article of c.articles) {
    const key = inputsKey([shared, articleInputs(c, x, article), entitiesShown(c, article)]);
    reuse.current.set(article.id, key);
    if (reuse.previous.get(article.id) === key) reuse.reused.add(article.id);
    else render.add(article.id);
  }
  await reuse.placeReused([...reuse.reused]);
  // The article route's pages, in its order (pages/articles/[slug].astro): each article's, newest first (so the
  // search index's shards of consecutive months are written one after another), then one for each moved slug, which
  // sends the reader on and has no date.
  const moved = Object.keys(readRegister().movedArticles ?? {});
  reuse.articlePagesPlanned([
    ...c.articles.map((a) => ({ page: articlePageFile(a.id), month: sortMonth(articleDateKey(a.data)) })),
    ...moved.map((slug) => ({ page: articlePageFile(slug), month: '' })),
  ]);
  return render;
}

const ENTITIES = ['people', 'organisations'] as const;

/**
 * The people and organisations an article's page shows, each with its data:
 * those its data refers to (authors, speakers, publisher, organisations,
 * inferred or stated) and those its quotations' speakers are, then, from
 * each person's roles, the organisations they name and the dates of the
 * articles that state them (a role shown is the one held at the article's
 * date, lib/roles). Related articles' reasons and neighbours' titles are in
 * the key as they are shown.
 */
function entitiesShown(c: Catalogue, article: Article): unknown[] {
  const shown = new Set<string>();
  const add = (value: unknown) => {
    for (const ref of referencesIn(value, ENTITIES)) shown.add(`${ref.collection}/${ref.id}`);
  };
  add(article.data);
  const record = recordOf(article);
  for (const key of [...record.quotes.map((q) => q.speaker), ...record.blocks.map((b) => b.speaker)]) {
    if (!key) continue;
    const { kind, id } = speakerOf(key);
    shown.add(`${kind === 'person' ? 'people' : 'organisations'}/${id}`);
  }
  const found: [key: string, data: unknown, dates: unknown][] = [];
  // A Set visits what is added to it while it is walked: the organisations of the roles of the people shown.
  for (const key of shown) {
    const [collection, id] = key.split('/') as [(typeof ENTITIES)[number], string];
    const data = c[collection].get(id)?.data;
    add(data);
    const dates = referencesIn(data, ['articles']).map((ref) => [ref.id, articleDateKey(c.articlesById.get(ref.id)?.data ?? {})]);
    found.push([key, data, dates]);
  }
  return found.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function articleInputs(c: Catalogue, x: CrossLinks, article: Article): unknown {
  const { newer, older } = neighbours(c, article.id);
  const related = relatedArticles(c, x, article).map(({ article: a, ...rest }) => [rest, dataDigest(a)]);
  return [
    article.id,
    article.data,
    // The HTML's file is named by its digest (loaders/render-cache).
    article.rendered?.metadata,
    newer && dataDigest(newer),
    older && dataDigest(older),
    related,
    x.echoes.get(article.id),
  ];
}

type Entry = { id: string; data: unknown };
const dataDigests = new WeakMap<Entry, string>();
/**
 * An article's id and data, by digest, once a build: the keys of the pages
 * that show it as a neighbour or a related article name it so. Written out
 * whole in each of those keys, each article's data was put into JSON about
 * five times, a third of deciding which pages to render.
 */
function dataDigest(article: Entry): string {
  let found = dataDigests.get(article);
  if (found === undefined) dataDigests.set(article, (found = inputsKey([article.id, article.data])));
  return found;
}
