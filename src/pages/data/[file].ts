import type { APIRoute } from 'astro';
import { getCatalogue } from '../../data/catalogue';
import { getCrossLinks } from '../../data/cross-links';
import { articleRows, exportsInputs, quotationRows } from '../../data/exports';
import { keptFilesToRender } from '../../data/page-reuse';
import { articleRow, jsonSchema, quotationRow, toCsv, type ArticleRow, type QuotationRow } from '../../lib/exports';
import { DATA_FILES, dataUrl, type DataFile } from '../../lib/routes';

/** /data/: the collection to take away, as JSON and CSV, with a JSON Schema for each (lib/exports). */
export async function getStaticPaths() {
  const [catalogue, crossLinks] = await Promise.all([getCatalogue(), getCrossLinks()]);
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  // In a build that copies pages, written beside them (data/page-reuse), each kind's rows made once for both formats;
  // or, if what the rows are made from is as it was in the previous build, that build's files linked in.
  const rows = { articles: once(() => articleRows(catalogue, site)), quotations: once(() => quotationRows(catalogue, crossLinks, site)) };
  return keptFilesToRender(
    'data',
    () => exportsInputs(catalogue, crossLinks),
    () => [...DATA_FILES],
    (file) => dataUrl(file).slice(1),
    (file) => dataFileText(file, rows),
  ).map((file) => ({ params: { file } }));
}

const TYPES = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

export const GET: APIRoute<Record<string, never>, { file: DataFile }> = async ({ params, site }) => {
  const [catalogue, crossLinks] = await Promise.all([getCatalogue(), getCrossLinks()]);
  const body = dataFileText(params.file, { articles: () => articleRows(catalogue, site), quotations: () => quotationRows(catalogue, crossLinks, site) });
  return new Response(body, { headers: { 'Content-Type': params.file.endsWith('.csv') ? TYPES.csv : TYPES.json } });
};

type Rows = { articles: () => ArticleRow[]; quotations: () => QuotationRow[] };

/** A data file's text, from the rows of its kind (asked for only if the file holds them). */
function dataFileText(file: DataFile, rows: Rows): string {
  const [name, ...rest] = file.split('.') as ['articles' | 'quotations', ...string[]];
  const ext = rest.join('.');
  const shape = name === 'articles' ? articleRow : quotationRow;
  if (ext === 'schema.json') return `${JSON.stringify(jsonSchema(shape, name === 'articles' ? 'Policy Reader articles' : 'Policy Reader quotations'), null, 2)}\n`;
  const made = rows[name]();
  return ext === 'csv' ? toCsv(Object.keys(shape.shape) as never[], made as never[]) : `${JSON.stringify(made, null, 2)}\n`;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
