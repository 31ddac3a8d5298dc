import type { APIRoute } from 'astro';
import { getCatalogue } from '../../data/catalogue';
import { getCrossLinks } from '../../data/cross-links';
import { namePages } from '../../data/name-index';
import { letterAnchor } from '../../lib/routes';
import { jsonResponse } from '../../lib/json-response';
import { anchorPages } from '../../lib/paging';

/**
 * The page each letter of the list of organisations starts on ({ "letter-a": page }),
 * for its pages to send an address of a letter that is no longer on its
 * page to where it starts now (browser/letters-fragment).
 */
export const GET: APIRoute = async () => {
  const { startsOn } = namePages(await getCatalogue(), await getCrossLinks(), 'organisations');
  return jsonResponse(anchorPages(startsOn, letterAnchor));
};
