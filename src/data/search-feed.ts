import { byName, searchFeed } from '../lib/search-feed';
import { articlesToRender } from './page-reuse';

/**
 * The articles whose pages the article route renders (data/page-reuse), in
 * the order of their names, which the search index reads them in; the index
 * is told every article page the site will have (lib/search-feed).
 */
export async function articlePagesInNameOrder<T extends { id: string }>(articles: T[]): Promise<T[]> {
  const only = await articlesToRender();
  const named = [...articles].sort((a, b) => byName(a.id, b.id));
  searchFeed()?.expect(named.map((a) => ({ name: a.id, rendered: !only || only.has(a.id) })));
  return only ? named.filter((a) => only.has(a.id)) : named;
}

/** Said by an article page as it is rendered: the pages rendered before it are written, and the index may read them. */
export function renderingArticlePage(id: string): void {
  searchFeed()?.rendering(id);
}
