import type { APIRoute } from 'astro';
import { getCatalogue } from '../../data/catalogue';
import { getCrossLinks } from '../../data/cross-links';
import { articleRows, quotationRows } from '../../data/exports';
import { articleRow, jsonSchema, quotationRow, toCsv } from '../../lib/exports';
import { DATA_FILES, type DataFile } from '../../lib/routes';

/** /data/: the collection to take away, as JSON and CSV, with a JSON Schema for each (lib/exports). */
export function getStaticPaths() {
  return DATA_FILES.map((file) => ({ params: { file } }));
}

const TYPES = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

export const GET: APIRoute<Record<string, never>, { file: DataFile }> = async ({ params, site }) => {
  const [name, ...rest] = params.file.split('.') as ['articles' | 'quotations', ...string[]];
  const ext = rest.join('.');
  const shape = name === 'articles' ? articleRow : quotationRow;
  let body: string;
  if (ext === 'schema.json') {
    body = `${JSON.stringify(jsonSchema(shape, name === 'articles' ? 'Policy Reader articles' : 'Policy Reader quotations'), null, 2)}\n`;
  } else {
    const catalogue = await getCatalogue();
    const rows = name === 'articles' ? articleRows(catalogue, site) : quotationRows(catalogue, await getCrossLinks(), site);
    body = ext === 'csv' ? toCsv(Object.keys(shape.shape) as never[], rows as never[]) : `${JSON.stringify(rows, null, 2)}\n`;
  }
  return new Response(body, { headers: { 'Content-Type': ext === 'csv' ? TYPES.csv : TYPES.json } });
};
