/*
 * Past a page of terms, the glossary runs on (components/GlossaryPage), so
 * an address of a term not on its page (/glossary/#term-x from when it was
 * one page, or a later page's after terms added before it moved it on) is
 * sent on to the page that term stands on now (routes' glossaryTermsUrl).
 */
import { glossaryPageUrl, glossaryTermsUrl } from '../lib/routes';
import { followToItsPage } from './paged-fragment';

followToItsPage({
  ours: (id) => id.startsWith('term-'),
  pagesUrl: glossaryTermsUrl,
  pageUrl: glossaryPageUrl,
  missing: (id, onFirstPage) =>
    `The link you followed points to “#${id}”, a term the glossary does not have: it may have been mistyped or cut short. ${onFirstPage ? 'Below are its letters, and the terms each page holds.' : 'Its first page says which terms each page holds.'}`,
});
