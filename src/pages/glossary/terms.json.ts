import type { APIRoute } from 'astro';
import { getCrossLinks } from '../../data/cross-links';
import { glossaryPages } from '../../data/glossary';
import { jsonResponse } from '../../lib/json-response';

/**
 * The page each term stands on ({ "term-<name>": page }), for the glossary's
 * first page to send an address shared while the glossary was one page
 * (/glossary/#term-x) to where that term is now: a file of its own, fetched
 * only for an address the page does not hold.
 */
export const GET: APIRoute = async () => {
  const { termPages } = glossaryPages(await getCrossLinks());
  return jsonResponse(Object.fromEntries(termPages));
};
