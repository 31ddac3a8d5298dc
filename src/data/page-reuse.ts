import { createHash } from 'node:crypto';
import { pageReuse } from '../lib/page-reuse';
import { getCatalogue, neighbours, type Article, type Catalogue } from './catalogue';
import { getCrossLinks, relatedArticles, type CrossLinks } from './cross-links';

/**
 * Which article pages this build renders: all of them, unless the previous
 * build has an article's page made from exactly the same inputs, which is
 * then copied (integrations/page-reuse). An article page is made from:
 * - the code and the build's settings (the integration's code key);
 * - the people and organisations, whose names, roles and links any page may
 *   show (a change to one re-renders every page: they change seldom), and the
 *   topics' names (an article page shows a topic's name and link, never its
 *   description, whose edit re-renders no article page);
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
 * (integrations/page-reuse copies them all, in whole), every one otherwise
 * (`astro dev`, a bare `astro build`).
 */
export function capturesToRender(captures: string[]): string[] {
  const reuse = pageReuse();
  if (!reuse) return captures;
  reuse.captures = captures;
  return [];
}

/**
 * The articles whose citation files their route renders: none in a build
 * that copies pages (the files' text, made here, is handed to
 * integrations/page-reuse, which writes them), every one given otherwise.
 */
export function citationFilesToRender<T>(articles: T[], files: (article: T) => [file: string, text: string][]): T[] {
  const reuse = pageReuse();
  if (!reuse) return articles;
  reuse.placeCitationFiles(articles.flatMap(files));
  return [];
}

async function decide(): Promise<Set<string> | undefined> {
  const reuse = pageReuse();
  if (!reuse) return undefined;
  const [c, x] = await Promise.all([getCatalogue(), getCrossLinks()]);
  const topicNames = [...c.topics.values()].map((t) => [t.id, t.data.name]);
  const shared = digest([reuse.codeKey, entries(c.people), entries(c.organisations), topicNames]);
  const render = new Set<string>();
  for (const article of c.articles) {
    const key = digest([shared, articleInputs(c, x, article)]);
    reuse.current.set(article.id, key);
    if (reuse.previous.get(article.id) === key) reuse.reused.add(article.id);
    else render.add(article.id);
  }
  return render;
}

const entries = (map: Map<string, { id: string; data: unknown }>) => [...map.values()].map((e) => [e.id, e.data]);

function articleInputs(c: Catalogue, x: CrossLinks, article: Article): unknown {
  const { newer, older } = neighbours(c, article.id);
  const related = relatedArticles(c, x, article).map(({ article: a, ...rest }) => [rest, a.id, a.data]);
  return [
    article.id,
    article.data,
    // The HTML's file is named by its digest (loaders/render-cache).
    article.rendered?.metadata,
    newer && [newer.id, newer.data],
    older && [older.id, older.data],
    related,
    x.echoes.get(article.id),
  ];
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}
