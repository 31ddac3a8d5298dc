import type { DatePrecision } from './dates';

/**
 * An article's metadata as a CSL-JSON item, the one form every citation on
 * the site is generated from. Only what the source states goes in; an
 * inferred date goes in marked "circa" with a note saying so; an inferred
 * publisher is left out.
 */
export interface CitableArticle {
  id: string;
  title: string;
  /** Stated kind, if any ("blog post", "press release"…). */
  kind?: string | undefined;
  date?: { year: number; month?: number | undefined; day?: number | undefined; precision: DatePrecision; inferred: boolean } | undefined;
  authors: string[];
  /** The publisher, only when the source states it. */
  publisher?: string | undefined;
  /** The original address when the source states it, else the page on this site. */
  url: string;
}

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][]; circa?: boolean };
  publisher?: string;
  'container-title'?: string;
  genre?: string;
  note?: string;
  URL: string;
}

const TYPES: Record<string, { type: string; genre?: string }> = {
  'blog post': { type: 'post-weblog' },
  // APA dates web pages to the day; as "article" it would give the year only.
  'press release': { type: 'webpage', genre: 'Press release' },
  'press statement': { type: 'webpage', genre: 'Press statement' },
  briefing: { type: 'report', genre: 'Briefing' },
  report: { type: 'report' },
  comment: { type: 'article', genre: 'Comment' },
};

/** "Stephen Dorrell" → family "Dorrell", given "Stephen". */
export function personName(name: string): CslName {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { literal: name };
  return { family: parts.at(-1)!, given: parts.slice(0, -1).join(' ') };
}

export function toCsl(article: CitableArticle): CslItem {
  const kind = article.kind ? TYPES[article.kind] : undefined;
  const item: CslItem = { id: article.id, type: kind?.type ?? 'webpage', title: article.title, URL: article.url };
  if (kind?.genre) item.genre = kind.genre;
  if (article.authors.length > 0) item.author = article.authors.map(personName);
  else if (article.publisher) item.author = [{ literal: article.publisher }];
  // When the organisation is the author, APA names it once, not again as publisher.
  if (article.publisher && article.authors.length > 0) {
    item.publisher = article.publisher;
    if (kind?.type === 'post-weblog') item['container-title'] = article.publisher;
  }
  const { date } = article;
  if (date) {
    const parts = [date.year, date.month, date.day].slice(0, { year: 1, month: 2, day: 3 }[date.precision]);
    item.issued = { 'date-parts': [parts.filter((p): p is number => p !== undefined)] };
    if (date.inferred) {
      item.issued.circa = true;
      item.note = 'Publication date inferred by the editors; the source states no date.';
    }
  }
  return item;
}
