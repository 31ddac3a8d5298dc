/*
 * The 404 page helps with the address it was given: a search for the words
 * in it, and the articles whose addresses are nearest to it (a mistyped or
 * shortened slug), from the list the page carries.
 */
import { nearestSlugs, wordsOfPath } from '../lib/not-found';
import { articleUrl, pages } from '../lib/routes';

const articles = JSON.parse(document.getElementById('not-found-articles')?.textContent ?? '[]') as [string, string][];
const words = wordsOfPath(location.pathname);
const help = document.getElementById('not-found-help');
const search = document.getElementById('not-found-search');
if (help && search && words) {
  const link = Object.assign(document.createElement('a'), { href: `${pages.search}?q=${encodeURIComponent(words)}`, textContent: `Search for “${words}”` });
  search.replaceChildren(link);
  const nearest = nearestSlugs(location.pathname, articles.map(([slug]) => slug));
  const list = document.getElementById('not-found-list');
  if (list && nearest.length > 0) {
    const titles = new Map(articles);
    list.replaceChildren(...nearest.map((slug) => {
      const item = document.createElement('li');
      item.append(Object.assign(document.createElement('a'), { href: `${articleUrl(slug)}${location.hash}`, textContent: titles.get(slug) ?? slug }));
      return item;
    }));
    document.getElementById('not-found-nearest')!.hidden = false;
  }
  help.hidden = false;
}
