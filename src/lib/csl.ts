import type { DatePrecision } from './dates';

/**
 * An article's metadata as a CSL-JSON item, the one form every citation on
 * the site is generated from. Only what the source states goes in; an
 * inferred date goes in marked "circa", an inferred publisher with a note
 * saying so.
 */
export interface CitableArticle {
  id: string;
  title: string;
  /** Stated kind, if any ("blog post", "press release"…). */
  kind?: string | undefined;
  date?: { year: number; month?: number | undefined; day?: number | undefined; precision: DatePrecision; inferred: boolean } | undefined;
  authors: string[];
  /** The publisher: stated, or an editor's inference (cited as one). */
  publisher?: { name: string; inferred: boolean } | undefined;
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
  'news report': { type: 'article-newspaper' },
  speech: { type: 'speech' },
  letter: { type: 'personal_communication', genre: 'Letter' },
  'consultation response': { type: 'report', genre: 'Consultation response' },
  evidence: { type: 'report', genre: 'Evidence' },
};

/** "Stephen Dorrell" → family "Dorrell", given "Stephen". */
export function personName(name: string): CslName {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { literal: name };
  return { family: parts.at(-1)!, given: parts.slice(0, -1).join(' ') };
}

/** What a citation says of the editors' inferences, so that no reader takes them for what the source states. */
export function inferenceNotes(a: CitableArticle): string[] {
  const notes: string[] = [];
  if (a.date?.inferred) notes.push('Publication date inferred by the editors; the source states no date.');
  if (a.publisher?.inferred) notes.push(`Publisher (${a.publisher.name}) inferred by the editors; the source does not name it.`);
  return notes;
}

export function toCsl(article: CitableArticle): CslItem {
  const kind = article.kind ? TYPES[article.kind] : undefined;
  const item: CslItem = { id: article.id, type: kind?.type ?? 'webpage', title: article.title, URL: article.url };
  if (kind?.genre) item.genre = kind.genre;
  const notes = inferenceNotes(article);
  const { publisher } = article;
  if (article.authors.length > 0) item.author = article.authors.map(personName);
  else if (publisher && !publisher.inferred) item.author = [{ literal: publisher.name }];
  // When the organisation is the author, it is named once, not again as publisher.
  if (publisher && (article.authors.length > 0 || publisher.inferred)) {
    item.publisher = publisher.name;
    if (kind?.type === 'post-weblog') item['container-title'] = publisher.name;
  }
  const { date } = article;
  if (date) {
    const parts = [date.year, date.month, date.day].slice(0, { year: 1, month: 2, day: 3 }[date.precision]);
    item.issued = { 'date-parts': [parts.filter((p): p is number => p !== undefined)] };
    if (date.inferred) item.issued.circa = true;
  }
  if (notes.length > 0) item.note = notes.join(' ');
  return item;
}
