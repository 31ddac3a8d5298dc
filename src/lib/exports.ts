import { z } from 'astro/zod';

/**
 * The collection as data to take away (/data/): one row per article and per
 * quotation, in JSON and CSV, with a JSON Schema made from these same shapes.
 * Every fact says whether the source states it or the editors inferred it;
 * nothing unstated is filled in.
 */
const status = z.enum(['stated', 'inferred', 'not stated']).describe('Whether the source states the fact, the editors inferred it (see the article page for the basis), or neither.');

export const articleRow = z
  .object({
    slug: z.string().describe('The article’s permanent id; its page is /articles/<slug>/.'),
    url: z.string().describe('The article’s page on this site.'),
    title: z.string(),
    titleSource: z.enum(['source', 'editor']).describe('"editor" when the source states no title and the editors supplied one.'),
    date: z.string().nullable().describe('YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source (or inference) is.'),
    dateStatus: status,
    kind: z.string().nullable(),
    kindStatus: status,
    publisher: z.string().nullable(),
    publisherStatus: status,
    authors: z.array(z.string()).describe('Authors as the source states them.'),
    authorsInferred: z.array(z.string()).describe('Authors the source does not name but the editors inferred (the article page gives the basis); empty otherwise.'),
    speakers: z.array(z.string()).describe('People whose words the article carries as quotations.'),
    topics: z.array(z.string()),
    sourceUrl: z.string().nullable().describe('The original address, where the source states it.'),
    capture: z.string().describe('The raw capture the text was taken from, on this site.'),
  })
  .strict();

export const quotationRow = z
  .object({
    text: z.string().describe('The quoted words, as the source gives them.'),
    speaker: z.string().nullable().describe('Who said it; null where the source does not say.'),
    speakerId: z.string().nullable().describe("The speaker’s id: a person’s, or \"organisations/<id>\" when an organisation speaks (its statement)."),
    role: z.string().nullable().describe('The speaker’s role at the article’s date, as the sources state it.'),
    form: z.enum(['inline', 'block']).describe('Words within a paragraph, or whole paragraphs.'),
    article: z.string().describe('The slug of the article the quotation stands in.'),
    articleTitle: z.string(),
    permalink: z.string().describe('The paragraph that holds the quotation.'),
    date: z.string().nullable(),
    dateStatus: status,
  })
  .strict();

export type ArticleRow = z.infer<typeof articleRow>;
export type QuotationRow = z.infer<typeof quotationRow>;

export const jsonSchema = (row: z.ZodType, title: string) => ({ ...z.toJSONSchema(z.array(row)), title });

/**
 * RFC 4180 CSV: every cell quoted, lists joined with "; ". A cell that a
 * spreadsheet would read as a formula (=, +, -, @ first) gets a leading
 * apostrophe, so opening the file never runs anything.
 */
export function toCsv<T extends Record<string, unknown>>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return `"${text.replace(/"/g, '""')}"`;
  };
  return `${[columns.map(cell).join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\r\n')}\r\n`;
}
