/*
 * Once the list of people or of organisations runs on, an address of a
 * letter not on its page (a later page's, after names added before it moved
 * that letter on) is sent on to the page where the letter starts (routes'
 * namesLettersUrl). On the first page, every letter's entry in its index
 * carries the letter's address already.
 */
import { namesLettersUrl, namesPageUrl, pages } from '../lib/routes';
import { followToItsPage } from './paged-fragment';

const kind = location.pathname.startsWith(pages.organisations) ? 'organisations' : 'people';
followToItsPage({
  ours: (id) => id.startsWith('letter-'),
  pagesUrl: namesLettersUrl(kind),
  pageUrl: (n) => namesPageUrl(kind, n),
  missing: (id, onFirstPage) =>
    `The link you followed points to “#${id}”, a letter no name in the list starts with: it may have been mistyped or cut short. ${onFirstPage ? 'Below are the letters it has.' : 'Its first page lists the letters it has.'}`,
});
