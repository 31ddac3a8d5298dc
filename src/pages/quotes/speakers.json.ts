import type { APIRoute } from 'astro';
import { getCatalogue } from '../../data/catalogue';
import { getCrossLinks, quotePages } from '../../data/cross-links';
import { quotesSpeakerAnchor } from '../../lib/routes';
import { jsonResponse } from '../../lib/json-response';
import { anchorPages } from '../../lib/paging';

/**
 * The page each speaker's quotations start on ({ "speaker-<key>": page }),
 * for the quotes' first page to send an address shared before the quotes
 * ran on (/quotes/#speaker-x) to where that speaker is now. Past a hundred
 * speakers that page lists only their initial letters (components/QuotesPage):
 * a file of its own, fetched only for an address the page does not hold.
 */
export const GET: APIRoute = async () => {
  const { startsOn } = quotePages(await getCatalogue(), await getCrossLinks());
  return jsonResponse(anchorPages(startsOn, (group) => quotesSpeakerAnchor(group.speaker)));
};
