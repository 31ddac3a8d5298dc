import type { APIRoute } from 'astro';
import { readSynonyms } from '../../content-files/config-files';
import { jsonResponse } from '../../lib/json-response';

/** The synonym groups (content/synonyms.yaml) that search applies at query time: a few hundred bytes, loaded with the search page's first query. */
export const GET: APIRoute = () =>
  jsonResponse(readSynonyms().groups);
