import { readFileSync } from 'node:fs';
import { storedOf, type Article } from './catalogue';

/*
 * An article's HTML and headings as the loader rendered them. The HTML is a
 * file of its own in the cache folder, not in Astro's content store
 * (loaders/render-cache says why), so the article page reads it from there.
 */
export function articleHtml(article: Article): string {
  const { htmlFile } = storedOf(article);
  if (!htmlFile) throw new Error(`The article "${article.id}" has no rendered HTML: the articles loader did not store it.`);
  try {
    return readFileSync(htmlFile, 'utf8');
  } catch (error) {
    throw new Error(`The rendered HTML of the article "${article.id}" could not be read from ${htmlFile} (${(error as NodeJS.ErrnoException).code}): the cache folder changed during the build. Build again.`);
  }
}

export function articleHeadings(article: Article): NonNullable<ReturnType<typeof storedOf>['headings']> {
  return storedOf(article).headings ?? [];
}
