import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { getCatalogue } from '../../data/catalogue';
import { capturesToRender } from '../../data/page-reuse';
import { sourcesDir } from '../../content-files/paths';

/** The raw captures, byte for byte, so any reader can compare them with the pages. */
export async function getStaticPaths() {
  const { articles } = await getCatalogue();
  return capturesToRender(articles.map((article) => article.data.source.capture)).map((file) => ({ params: { file } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(path.join(sourcesDir, String(params.file))), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
