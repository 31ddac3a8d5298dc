import type { APIRoute } from 'astro';
import { readSynonyms } from '../../content-files/config-files';

/** The synonym groups (content/synonyms.yaml) that search applies at query time: a few hundred bytes, loaded with the search page's first query. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(readSynonyms().groups), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
