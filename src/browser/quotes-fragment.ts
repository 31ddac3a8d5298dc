/*
 * Past a hundred speakers, the quotes' first page lists their initial
 * letters, not each speaker (components/QuotesPage), so an address shared
 * while the quotes were one page (/quotes/#speaker-x) is sent on to the page
 * where that speaker's quotations start (routes' quotesSpeakersUrl).
 */
import { quotesPageUrl, quotesSpeakersUrl } from '../lib/routes';
import { followToItsPage } from './paged-fragment';

followToItsPage({
  prefix: 'speaker-',
  pagesUrl: quotesSpeakersUrl,
  pageUrl: quotesPageUrl,
  missing: (id) =>
    `The link you followed points to “#${id}”, a speaker with no quotations in the collection: it may have been mistyped or cut short. Every speaker is below, by initial letter.`,
});
