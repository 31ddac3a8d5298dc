import { inferenceNotes, personName, toCsl, type CitableArticle } from './csl';
import { MONTHS } from './dates';
import { upperFirst } from './text';

/**
 * Every citation of an article, written here from its metadata: APA 7,
 * Harvard (Cite Them Right), OSCOLA and Chicago notes as text, and BibTeX,
 * RIS and CSL-JSON files. Only what the source states is cited as fact; an
 * editor's inference is marked as one: an inferred date "ca."/"c.", an
 * inferred publisher in square brackets (the cataloguer's mark for supplied
 * information) in the text styles, and with a note in the files.
 *
 * A pinpoint citation cites one paragraph: its number ("para. 11") and its
 * permalink. The reader's access date (Harvard, OSCOLA) is not known when
 * the site is built: the page adds it in the browser, and a build stays
 * the same whenever it runs.
 *
 * (Citation.js and its CSL templates did this before; they cost 6 ms an
 * article, half a 5,000-article build's page step, and could not do OSCOLA
 * or pinpoints. The tests read the files back with Citation.js.)
 */
export const STYLES = ['apa', 'harvard', 'oscola', 'chicago'] as const;
export type Style = (typeof STYLES)[number];
export const STYLE_LABELS: Record<Style, string> = { apa: 'APA 7', harvard: 'Harvard', oscola: 'OSCOLA', chicago: 'Chicago (note)' };

export interface Citations {
  apa: string;
  harvard: string;
  oscola: string;
  chicago: string;
  bibtex: string;
  ris: string;
  cslJson: string;
}

/**
 * The blocks a paragraph number counts, as a reader counts paragraphs:
 * paragraphs, list items and block quotations; not headings, nor pull
 * quotes (which repeat the text).
 */
export const isNumberedBlock = (kind: string) => kind === 'paragraph' || kind === 'list-item' || kind === 'blockquote';

/** Where Harvard and OSCOLA give the reader's access date until the page fills it in (browser/cite-paragraph). */
export const ACCESS_DATE_PLACEHOLDER = 'date you read it';

export interface Pinpoint {
  /** The paragraph's number in the article, from 1. */
  paragraph: number;
  /** The paragraph's permalink. */
  url: string;
}

export interface CiteOptions {
  /** "25 November 2026": the reader's access date, for the styles that give one. */
  accessed?: string | undefined;
  pinpoint?: Pinpoint | undefined;
}

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Ends a part with a full stop unless it already ends with one (or ? or !). */
const stop = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);
const publisherName = (a: CitableArticle) => (a.publisher ? (a.publisher.inferred ? `[${a.publisher.name}]` : a.publisher.name) : undefined);
const statedPublisher = (a: CitableArticle) => (a.publisher && !a.publisher.inferred ? a.publisher.name : undefined);

/** "Dorrell, S." */
function initials(name: string): string {
  const { family, given, literal } = personName(name);
  if (literal) return literal;
  return `${family}, ${given!
    .split(/\s+/)
    .map((g) => `${g[0]}.`)
    .join(' ')}`;
}

const listWith = (names: string[], and: string, serialComma = false) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')}${serialComma && names.length > 2 ? ',' : ''} ${and} ${names.at(-1)}`;

function dateParts(a: CitableArticle) {
  const d = a.date;
  return {
    year: d?.year,
    month: d && d.precision !== 'year' ? MONTHS[d.month! - 1] : undefined,
    day: d?.precision === 'day' ? d.day : undefined,
    inferred: d?.inferred ?? false,
  };
}

// --- APA 7 ---------------------------------------------------------------

function apaDate(a: CitableArticle): string {
  const { year, month, day, inferred } = dateParts(a);
  if (year === undefined) return 'n.d.';
  return `${inferred ? 'ca. ' : ''}${year}${month ? `, ${month}${day ? ` ${day}` : ''}` : ''}`;
}

/** The group author when no person is named: the stated publisher. */
function apaAuthor(a: CitableArticle): string | undefined {
  const names = a.authors.map(initials);
  if (names.length === 0) return statedPublisher(a);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
}

function apa(a: CitableArticle): string {
  const description = a.kind && a.kind !== 'blog post' ? ` [${upperFirst(a.kind)}]` : '';
  const title = `${a.title}${description}`;
  const author = apaAuthor(a);
  // The publisher is named after the title unless it is the author already.
  const publisher = a.authors.length > 0 || a.publisher?.inferred ? publisherName(a) : undefined;
  const head = author ? `${stop(author)} (${apaDate(a)}). ${stop(title)}` : `${stop(title)} (${apaDate(a)}).`;
  return `${head}${publisher ? ` ${stop(publisher)}` : ''} ${a.url}`;
}

function inText(a: CitableArticle, paragraph: number, circa: string): string {
  const short = a.title.split(/\s+/).slice(0, 4).join(' ');
  const who = a.authors.length > 0 ? listWith(a.authors.map((n) => personName(n).family ?? n), '&') : (statedPublisher(a) ?? `“${short}${a.title.length > short.length ? '…' : ''},”`);
  const { year, inferred } = dateParts(a);
  return `(${who}${who.endsWith(',”') ? '' : ','} ${year === undefined ? 'n.d.' : `${inferred ? circa : ''}${year}`}, para. ${paragraph})`;
}

// --- Harvard (Cite Them Right) -------------------------------------------

function harvard(a: CitableArticle, accessed?: string): string {
  const { year, month, day, inferred } = dateParts(a);
  const yearText = year === undefined ? 'no date' : `${inferred ? 'c. ' : ''}${year}`;
  const who = a.authors.length > 0 ? listWith(a.authors.map(initials), 'and') : statedPublisher(a);
  const title = a.kind === 'blog post' ? `‘${a.title}’` : a.title;
  const head = who ? `${who} (${yearText}) ${title}` : `${title} (${yearText})`;
  const parts: string[] = [];
  // The publisher, unless it is the author already.
  if (a.authors.length > 0 || a.publisher?.inferred) {
    const p = publisherName(a);
    if (p) parts.push(p);
  }
  if (a.kind && a.kind !== 'blog post') parts.push(upperFirst(a.kind));
  if (day && month) parts.push(`${day} ${month}`);
  const middle = parts.length > 0 ? `${a.kind === 'blog post' ? ', ' : '. '}${parts.join(', ')}` : '';
  return `${stop(`${head}${middle}`)} Available at: ${a.url} (Accessed: ${accessed ?? ACCESS_DATE_PLACEHOLDER}).`;
}

// --- OSCOLA ----------------------------------------------------------------

function oscolaDate(a: CitableArticle): string {
  const { year, month, day, inferred } = dateParts(a);
  if (year === undefined) return 'undated';
  return `${inferred ? 'c ' : ''}${day ? `${day} ` : ''}${month ? `${month} ` : ''}${year}`;
}

function oscola(a: CitableArticle, { accessed, pinpoint }: CiteOptions = {}): string {
  const who = a.authors.length > 0 ? `${listWith(a.authors, 'and')}, ` : '';
  const publisher = publisherName(a);
  const issuer = [publisher, a.kind && a.kind !== 'blog post' ? a.kind : undefined].filter(Boolean).join(' ');
  const details = `(${issuer ? `${issuer}, ` : ''}${oscolaDate(a)})`;
  const at = pinpoint ? ` para ${pinpoint.paragraph}` : '';
  const url = pinpoint ? pinpoint.url : a.url;
  return `${who}‘${a.title}’ ${details}${at} <${url}> accessed ${accessed ?? ACCESS_DATE_PLACEHOLDER}.`;
}

// --- Chicago notes (17th edition) ------------------------------------------

function chicagoDate(a: CitableArticle): string {
  const { year, month, day, inferred } = dateParts(a);
  if (year === undefined) return 'n.d.';
  return `${inferred ? 'ca. ' : ''}${month ? `${month} ${day ? `${day}, ` : ''}` : ''}${year}`;
}

function chicago(a: CitableArticle, { pinpoint }: CiteOptions = {}): string {
  const who = a.authors.length > 0 ? listWith(a.authors, 'and', true) : statedPublisher(a);
  // A comma goes inside the closing quote, unless the title ends with its own mark.
  const title = /[?!]$/.test(a.title) ? `“${a.title}”` : `“${a.title},”`;
  const publisher = a.authors.length > 0 || a.publisher?.inferred ? publisherName(a) : undefined;
  const where = a.kind === 'blog post' ? (publisher ? `${publisher} (blog)` : undefined) : [publisher, a.kind].filter(Boolean).join(', ') || undefined;
  const parts = [where, chicagoDate(a), pinpoint ? `para. ${pinpoint.paragraph}` : undefined, pinpoint ? pinpoint.url : a.url].filter(Boolean);
  return `${who ? `${who}, ` : ''}${title} ${parts.join(', ')}.`;
}

// --- Files -----------------------------------------------------------------

const bibtexEscape = (text: string) => text.replace(/([&%$#_])/g, '\\$1').replace(/[{}]/g, '');

function bibtex(a: CitableArticle): string {
  const { year, inferred } = dateParts(a);
  const fields: [string, string][] = [];
  if (a.authors.length > 0) {
    fields.push(['author', a.authors.map((n) => {
      const { family, given, literal } = personName(n);
      return literal ? `{${bibtexEscape(literal)}}` : `${bibtexEscape(family!)}, ${bibtexEscape(given!)}`;
    }).join(' and ')]);
  } else if (statedPublisher(a)) {
    fields.push(['author', `{${bibtexEscape(statedPublisher(a)!)}}`]);
  }
  fields.push(['title', `{${bibtexEscape(a.title)}}`]);
  if (year !== undefined) {
    fields.push(['year', String(year)]);
    const d = a.date!;
    if (d.precision !== 'year') fields.push(['month', BIBTEX_MONTHS[d.month! - 1]!]);
    if (!inferred) fields.push(['date', [d.year, d.month, d.day].filter((x) => x !== undefined).map((x, i) => (i === 0 ? String(x) : String(x).padStart(2, '0'))).join('-')]);
  }
  if (a.kind) fields.push(['howpublished', upperFirst(a.kind)]);
  if (a.publisher) fields.push(['publisher', bibtexEscape(a.publisher.name)]);
  fields.push(['url', a.url]);
  const n = inferenceNotes(a);
  if (n.length > 0) fields.push(['note', bibtexEscape(n.join(' '))]);
  // month is a macro (sep), written bare; every other value braced.
  const line = ([key, value]: [string, string]) => `  ${key} = ${key === 'month' ? value : `{${value}}`}`;
  return `@misc{${a.id},\n${fields.map(line).join(',\n')}\n}\n`;
}

const RIS_TYPES: Record<string, string> = { 'blog post': 'BLOG', report: 'RPRT', briefing: 'RPRT', 'news report': 'NEWS', speech: 'GEN', letter: 'PCOMM', 'consultation response': 'RPRT', evidence: 'RPRT' };

function ris(a: CitableArticle): string {
  const lines: [string, string][] = [['TY', a.kind ? (RIS_TYPES[a.kind] ?? 'ELEC') : 'ELEC'], ['ID', a.id], ['TI', a.title]];
  for (const name of a.authors) {
    const { family, given, literal } = personName(name);
    lines.push(['AU', literal ?? `${family}, ${given}`]);
  }
  if (a.authors.length === 0 && statedPublisher(a)) lines.push(['AU', statedPublisher(a)!]);
  const d = a.date;
  if (d) {
    lines.push(['PY', String(d.year)]);
    if (!d.inferred) lines.push(['DA', `${d.year}/${d.month ? String(d.month).padStart(2, '0') : ''}/${d.day ? String(d.day).padStart(2, '0') : ''}/`]);
  }
  if (a.kind) lines.push(['M3', upperFirst(a.kind)]);
  if (a.publisher) lines.push(['PB', a.publisher.name]);
  lines.push(['UR', a.url]);
  for (const note of inferenceNotes(a)) lines.push(['N1', note]);
  return `${[...lines.map(([tag, value]) => `${tag}  - ${value}`), 'ER  - '].join('\n')}\n`;
}

export function citations(a: CitableArticle): Citations {
  return {
    apa: apa(a),
    harvard: harvard(a),
    oscola: oscola(a),
    chicago: chicago(a),
    bibtex: bibtex(a),
    ris: ris(a),
    cslJson: `${JSON.stringify([toCsl(a)], null, 2)}\n`,
  };
}

/** One style's citation: of the article, or (with a pinpoint) of one paragraph. */
export function cite(style: Style, a: CitableArticle, options: CiteOptions = {}): string {
  const { pinpoint, accessed } = options;
  switch (style) {
    case 'apa':
      return pinpoint ? `${inText(a, pinpoint.paragraph, 'ca. ')} ${apa(a)} Paragraph: ${pinpoint.url}` : apa(a);
    case 'harvard':
      return pinpoint ? `${inText(a, pinpoint.paragraph, 'c. ')} ${harvard(a, accessed)} Paragraph: ${pinpoint.url}` : harvard(a, accessed);
    case 'oscola':
      return oscola(a, options);
    case 'chicago':
      return chicago(a, options);
  }
}
