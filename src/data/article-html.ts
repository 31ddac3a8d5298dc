import type { StoredRendering } from '../lib/article-record';
import { readStoredFile, storedOf, type Article } from './catalogue';

/*
 * An article's HTML and headings as the loader rendered them. The HTML is a
 * file of its own in the cache folder, not in Astro's content store
 * (loaders/render-cache says why), so the article page reads it from there.
 */
export function articleHtml(article: Article): string {
  return readStoredFile(article, storedOf(article).htmlFile, 'rendered HTML');
}

export function articleHeadings(article: Article): StoredRendering['headings'] {
  return storedOf(article).headings ?? [];
}
