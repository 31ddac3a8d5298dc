/*
 * The 404 page helps with the address it was given: a search for the words
 * in it, and the articles whose addresses are nearest to it (a mistyped or
 * shortened slug), from the list of every article's address, fetched only
 * here (routes' articleAddressesUrl) rather than carried by every 404.
 */
import { nearestSlugs, wordsOfPath } from '../lib/not-found';
import { articleAddressesUrl, articleUrl, pages } from '../lib/routes';

const words = wordsOfPath(location.pathname);
const help = document.getElementById('not-found-help');
const search = document.getElementById('not-found-search');

/** Every article's [slug, title]; none when the list cannot be had (offline, say): the search link still helps. */
async function articleAddresses(): Promise<[string, string][]> {
  try {
    const response = await fetch(articleAddressesUrl);
    return response.ok ? ((await response.json()) as [string, string][]) : [];
  } catch {
    return [];
  }
}

/** The articles whose addresses are nearest to this one, listed once the list of addresses has come. */
async function offerNearest(): Promise<void> {
  const articles = await articleAddresses();
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
}

if (help && search && words) {
  const link = Object.assign(document.createElement('a'), { href: `${pages.search}?q=${encodeURIComponent(words)}`, textContent: `Search for “${words}”` });
  search.replaceChildren(link);
  help.hidden = false;
  void offerNearest();
}
