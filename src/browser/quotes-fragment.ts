/*
 * Once the quotes run on, an address of a speaker not on its page
 * (/quotes/#speaker-x from when they were one page, past a hundred speakers
 * whose index lists only letters; or a later page's, after speakers added
 * before it moved it on) is sent on to the page where that speaker's
 * quotations start (routes' quotesSpeakersUrl).
 */
import { quotesPageUrl, quotesSpeakersUrl } from '../lib/routes';
import { followToItsPage } from './paged-fragment';

followToItsPage({
  ours: (id) => id.startsWith('speaker-'),
  pagesUrl: quotesSpeakersUrl,
  pageUrl: quotesPageUrl,
  missing: (id, onFirstPage) =>
    `The link you followed points to “#${id}”, a speaker with no quotations in the collection: it may have been mistyped or cut short. ${onFirstPage ? 'The speakers are listed below, A to Z.' : 'The first page of the quotes lists every speaker.'}`,
});
