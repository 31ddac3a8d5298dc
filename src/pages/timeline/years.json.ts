import type { APIRoute } from 'astro';
import { getCatalogue } from '../../data/catalogue';
import { getCrossLinks, timelinePages } from '../../data/cross-links';
import { timelineYearAnchor } from '../../lib/routes';

/**
 * The page each year of the timeline starts on ({ "year-2017": page }), for
 * the timeline's pages to send an address of a year that is no longer on
 * its page to where it starts now (browser/timeline-fragment).
 */
export const GET: APIRoute = async () => {
  const { startsOn } = timelinePages(await getCatalogue(), await getCrossLinks());
  const years = Object.fromEntries([...startsOn].map(([group, page]) => [timelineYearAnchor(group.year), page]));
  return new Response(JSON.stringify(years), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
