/*
 * Past a page of terms, the glossary runs on (components/GlossaryPage), so
 * an address shared while it was one page (/glossary/#term-x) is sent on to
 * the page that term stands on now (routes' glossaryTermsUrl).
 */
import { glossaryPageUrl, glossaryTermsUrl } from '../lib/routes';
import { followToItsPage } from './paged-fragment';

followToItsPage({
  prefix: 'term-',
  pagesUrl: glossaryTermsUrl,
  pageUrl: glossaryPageUrl,
  missing: (id) =>
    `The link you followed points to “#${id}”, a term the glossary does not have: it may have been mistyped or cut short. Every term is below, by initial letter.`,
});
