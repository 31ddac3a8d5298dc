import type { APIRoute } from 'astro';
import { getCatalogue } from '../../data/catalogue';
import { getCrossLinks, timelinePages } from '../../data/cross-links';
import { timelineYearAnchor } from '../../lib/routes';
import { jsonResponse } from '../../lib/json-response';
import { anchorPages } from '../../lib/paging';

/**
 * The page each year of the timeline starts on ({ "year-2017": page }), for
 * the timeline's pages to send an address of a year that is no longer on
 * its page to where it starts now (browser/timeline-fragment).
 */
export const GET: APIRoute = async () => {
  const { startsOn } = timelinePages(await getCatalogue(), await getCrossLinks());
  return jsonResponse(anchorPages(startsOn, (group) => timelineYearAnchor(group.year)));
};
