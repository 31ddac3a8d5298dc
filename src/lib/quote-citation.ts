import { collapseSpaces as tidy } from './text';

/**
 * "Copy quote with citation": the quote, who said it, their organisation, the
 * article's title and date, and the link to the exact passage, as plain text
 * and as a Markdown blockquote. Shared by the page script and the build, so
 * it has no Node or DOM imports.
 */
export interface QuoteSource {
  /** Who said it: the block's speaker, else the article's author(s). */
  who?: string | undefined;
  organisation?: string | undefined;
  title: string;
  /** As shown: "30 September 2015", "c. 2016 (date inferred)", or "n.d." */
  date: string;
  url: string;
}

/** "Stephen Dorrell, Nuffield Trust" or whichever of the two is known. */
function attribution({ who, organisation }: QuoteSource): string {
  return [who, organisation].filter(Boolean).join(', ');
}

export function quoteAsText(quote: string, source: QuoteSource): string {
  const by = attribution(source);
  const stop = (text: string) => (text.endsWith('.') ? text : `${text}.`);
  const quoted = `“${tidy(quote)}”`;
  return `${by ? stop(`${quoted} — ${by}`) : quoted} “${source.title}”, ${stop(source.date)} ${source.url}`;
}

export function quoteAsMarkdown(quote: string, source: QuoteSource): string {
  const by = attribution(source);
  const title = source.title.replace(/([[\]])/g, '\\$1');
  return `> ${tidy(quote)}\n>\n> — ${by ? `${by}, ` : ''}[${title}](${source.url}), ${source.date}`;
}
