/*
 * Once the timeline runs on, an address of a year not on its page (a later
 * page's, after articles added before it moved that year on) is sent on to
 * the page where the year starts (routes' timelineYearsUrl). On the first
 * page, every year's entry in its index carries the year's address already.
 */
import { timelinePageUrl, timelineYearsUrl } from '../lib/routes';
import { followToItsPage } from './paged-fragment';

followToItsPage({
  ours: (id) => /^year-\d+$/.test(id) || id === 'undated',
  pagesUrl: timelineYearsUrl,
  pageUrl: timelinePageUrl,
  missing: (id, onFirstPage) =>
    `The link you followed points to “#${id}”, a year the timeline does not have: it may have been mistyped or cut short. ${onFirstPage ? 'Below are the years it has.' : 'Its first page lists the years it has.'}`,
});
