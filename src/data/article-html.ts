import { readFileSync } from 'node:fs';
import type { MarkdownHeading } from 'astro';
import type { Article } from './catalogue';

/*
 * An article's HTML and headings as the loader rendered them. The HTML is a
 * file of its own in the cache folder, not in Astro's content store
 * (loaders/render-cache says why), so the article page reads it from there.
 */
interface Stored {
  htmlFile?: string;
  headings?: MarkdownHeading[];
}

const stored = (article: Article) => (article.rendered?.metadata ?? {}) as Stored;

export function articleHtml(article: Article): string {
  const { htmlFile } = stored(article);
  if (!htmlFile) throw new Error(`The article "${article.id}" has no rendered HTML: the articles loader did not store it.`);
  return readFileSync(htmlFile, 'utf8');
}

export function articleHeadings(article: Article): MarkdownHeading[] {
  return stored(article).headings ?? [];
}
