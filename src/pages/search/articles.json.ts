import type { APIRoute } from 'astro';
import { getCatalogue } from '../../data/catalogue';
import { jsonResponse } from '../../lib/json-response';

/**
 * Every article's slug and title ([slug, title] pairs, newest first), for the
 * 404 page's script to offer the articles nearest to a mistyped address. A
 * file of its own, fetched only by a page not found: at 5,000 articles it is
 * 400 kB, which the 404 page carried inline for every missing address.
 */
export const GET: APIRoute = async () => {
  const catalogue = await getCatalogue();
  return jsonResponse(catalogue.articles.map((a) => [a.id, a.data.title]));
};
