import { MONTHS } from './dates';
import type { FurniturePattern } from './fidelity';
import { nameMatcher } from './mentions';
import { MAX_SLUG_LENGTH } from './slugs';
import { countOf, normaliseText, splitSentences, words } from './text';

/**
 * Drafts an article from a raw capture (`npm run new`): what an editor would
 * otherwise write by hand. Every line of the capture is kept, each non-blank
 * line a paragraph, except the title, a standfirst, a suggested citation and
 * the page furniture content/furniture.yaml recognises (listed as dropped,
 * with its line and reason). What the text or its address states is read
 * into the front matter with the line it came from; what it does not state
 * is left empty and listed for the editor to decide. It never invents a
 * fact: an editor's title is labelled as such, a likely publisher or a date
 * read from the address is an inference with its basis. Quotation markup is
 * proposed where the text says who is speaking, for the editor to confirm.
 * Pure: the caller reads the collection and writes the files.
 */

/** What a furniture line records besides being dropped (content/furniture.yaml `records`). */
export type FurnitureRecords = 'kind' | 'published' | 'partOf' | 'citation';

export interface DraftInput {
  /** The capture's file name in content/sources/. */
  capture: string;
  lines: readonly string[];
  url?: string | undefined;
  furniture: readonly (FurniturePattern & { records?: FurnitureRecords | undefined })[];
  /** The article kinds the model knows. */
  kinds: readonly string[];
  people: readonly { id: string; names: readonly string[] }[];
  organisations: readonly { id: string; names: readonly string[] }[];
  /** Slugs already taken. */
  slugs: ReadonlySet<string>;
  /** Web hosts whose articles state their publisher: host → publisher id and an article that says so. */
  hosts?: ReadonlyMap<string, { publisher: string; publisherName: string; article: string }>;
  /** For a two-digit year ("17.09.15"): years up to this one are read as 20xx. */
  thisYear?: number;
}

/** A value the source states, and where: "line 7: “Published: 30/09/2015”". */
export interface Stated<T> {
  value: T;
  from: string;
}

export interface Inferred<T> {
  value: T;
  basis: string;
}

export interface NewPerson {
  id: string;
  name: string;
  /** A role as the line that names them states it. */
  role?: { title?: string; organisation?: string; asStated: string } | undefined;
  from: string;
}

export interface ArticleDraft {
  slug: string;
  title: { value: string; source: 'source' | 'editor'; from: string; basis?: string };
  standfirst?: Stated<string>;
  kind?: Stated<string>;
  published?: Stated<string>;
  publishedInferred?: Inferred<string>;
  partOf?: Stated<string>;
  citation?: Stated<string>;
  publisherInferred?: Inferred<string>;
  url?: string | undefined;
  capture: string;
  dropped: { line: number; text: string; reason: string }[];
  /** People whose words the proposed quotation markup marks. */
  speakers: string[];
  /** Organisations (known ones) the text names. */
  organisations: string[];
  /** The Markdown body. */
  body: string;
  /** Quotation markup proposed: "line 11: block quotation, chris-hopson". */
  quotations: string[];
  newPeople: NewPerson[];
  /** Organisations named as someone's employer that have no file: the editor chooses their kind. */
  newOrganisations: { id: string; name: string; from: string }[];
  /** What the editor must still decide, in words. */
  decide: string[];
}

interface Line {
  n: number;
  raw: string;
  text: string;
}

const SPEECH_INTRO = /\b(said|says|added|adds|commented|comments|stated|states|explained|warned|responded|continued|told [^:]+)\s*:\s*$/i;
const OPENS_QUOTE = /^["“‘']/;
const HONORIFIC = /^(?:(?:Prof|Professor|Dr|Sir|Dame|Lord|Lady|Baroness|Rt Hon|Mr|Mrs|Ms|Cllr)\.?\s+)+/;
/** Two to four capitalised words: a possible person's name. */
const NAME = /(?<![\p{L}])(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)(?:\s+(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)){1,3}(?![\p{L}])/gu;
/** Words that make a capitalised phrase an organisation or a title, not a person. */
const NOT_A_PERSON =
  /\b(NHS|Trust|Trusts|Providers|England|Department|Health|Council|Authority|Institute|Foundation|Commission|Agency|Office|Group|Association|Society|Network|Board|College|University|Hospital|Service|Services|Chief|Executive|Director|Secretary|State|Minister|Chair|President|Government|Parliament|Committee|The|This|That|These|Responding|Commenting|Speaking|Notes|Senior|National|Royal|Improvement|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;

const fold = (text: string) => normaliseText(text).toLowerCase();
/** Text with its quote marks and closing punctuation stripped, for "is this repeated elsewhere?". */

export function slugFor(title: string, taken: ReadonlySet<string>): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH - 3) break;
    slug = next;
  }
  slug ||= 'article';
  let candidate = slug;
  for (let i = 2; taken.has(candidate); i++) candidate = `${slug}-${i}`;
  return candidate;
}

/** A person's id from their name: "Prof Jane Dacre" → "jane-dacre". */
export function personIdFor(name: string): string {
  return slugFor(name.replace(HONORIFIC, ''), new Set());
}

/** A date as a furniture line states it: "Published: 30/09/2015", "24 May 2018", "17.09.15". */
export function dateFromLine(line: string, thisYear = new Date().getUTCFullYear()): string | undefined {
  const iso = (y: number, m: number, d?: number) => {
    if (m < 1 || m > 12 || (d !== undefined && (d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()))) return undefined;
    return `${y}-${String(m).padStart(2, '0')}${d === undefined ? '' : `-${String(d).padStart(2, '0')}`}`;
  };
  const year = (y: string) => (y.length === 2 ? (Number(y) <= thisYear % 100 ? 2000 : 1900) + Number(y) : Number(y));
  const numeric = /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?!\d)/.exec(line);
  // British sources: day first.
  if (numeric) return iso(year(numeric[3]!), Number(numeric[2]), Number(numeric[1]));
  const month = (name: string) => MONTHS.findIndex((m) => m.toLowerCase().startsWith(name.toLowerCase().slice(0, 3))) + 1;
  const dayMonthYear = /(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+)\.?,?\s+(\d{4})(?!\d)/.exec(line);
  if (dayMonthYear && month(dayMonthYear[2]!) > 0) return iso(Number(dayMonthYear[3]), month(dayMonthYear[2]!), Number(dayMonthYear[1]));
  const monthDayYear = /([A-Z][a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/.exec(line);
  if (monthDayYear && month(monthDayYear[1]!) > 0) return iso(Number(monthDayYear[3]), month(monthDayYear[1]!), Number(monthDayYear[2]));
  const monthYear = /(?<![\d\p{L}])([A-Z][a-z]+)\s+(\d{4})(?!\d)/u.exec(line);
  if (monthYear && month(monthYear[1]!) > 0 && MONTHS.some((m) => m.startsWith(monthYear[1]!.slice(0, 3)))) return iso(Number(monthYear[2]), month(monthYear[1]!));
  return undefined;
}

/** A date in a web address: /2015/09/30/, /2015-09-30-…, /2015/09/. */
export function dateFromUrl(url: string): { iso: string; as: string } | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const day = /(?:^|\/)((19|20)\d{2})[/-](\d{2})[/-](\d{2})(?=[/-]|$)/.exec(path);
  if (day) return valid(`${day[1]}-${day[3]}-${day[4]}`, day[0].replace(/^\//, ''));
  const month = /(?:^|\/)((19|20)\d{2})\/(\d{2})(?=\/)/.exec(path);
  if (month) return valid(`${month[1]}-${month[3]}`, month[0].replace(/^\//, ''));
  return undefined;
}

function valid(iso: string, as: string): { iso: string; as: string } | undefined {
  const [y, m, d] = iso.split('-').map(Number);
  if (!m || m > 12) return undefined;
  if (d !== undefined && (d < 1 || d > new Date(Date.UTC(y!, m, 0)).getUTCDate())) return undefined;
  return { iso, as };
}

/** Markdown-significant characters escaped, so the line renders as exactly its text. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
      .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&')
      // remark-directive reads any ":name" as a directive, "12:30" included.
      .replace(/:(?=[\p{L}\p{N}_])/gu, '\\:')
      .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
      .replace(/^([-+=])(?=\s|$)/, '\\$1')
      .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
  );
}

const quoted = (text: string) => `“${text}”`;
const lineRef = (line: Line) => `line ${line.n}: ${quoted(line.text)}`;

export function draftArticle(input: DraftInput): ArticleDraft {
  const lines: Line[] = input.lines.map((raw, i) => ({ n: i + 1, raw, text: raw.trim() }));
  // JavaScript's trim and \s take a non-breaking space for white space; a line of one is not blank to an editor.
  const nonBlank = lines.filter((l) => l.text !== '' || /[^\t \r]/.test(l.raw));
  const decide: string[] = [];
  const dropped: ArticleDraft['dropped'] = [];
  const consumed = new Set<number>();
  const draft: Partial<ArticleDraft> = {};

  const matchFurniture = (line: Line) => {
    const text = normaliseText(line.text);
    if (text === '') return undefined;
    return input.furniture.find(({ pattern }) => pattern.test(text));
  };

  // A line of nothing but a non-breaking (or other unusual) space: something on the page was not captured.
  for (const line of nonBlank) {
    if (line.text === '' && /[^\t ]/.test(line.raw)) {
      dropped.push({ line: line.n, text: line.raw, reason: 'Only white space (a non-breaking space): something on the page may not have been captured here.' });
      consumed.add(line.n);
      decide.push(`Line ${line.n} holds only a non-breaking space: check the source page for something the capture lost there (a list, a table, an image) and say so in notes or an :::editorial-note.`);
    }
  }
  const content = nonBlank.filter((l) => !consumed.has(l.n));

  // The title: a first line (not page furniture) that reads as a heading; otherwise the editors supply one, and say so.
  const first = content.find((l) => !matchFurniture(l));
  const titleLike = first && first.text.length <= 200 && !/[.!,;:]$/.test(first.text) && splitSentences(first.text).length <= 2;
  if (first && titleLike) {
    draft.title = { value: first.text, source: 'source', from: lineRef(first) };
    consumed.add(first.n);
  } else if (first) {
    const sentence = splitSentences(first.text)[0] ?? first.text;
    draft.title = {
      value: sentence.replace(/\.$/, ''),
      source: 'editor',
      from: `the first sentence of line ${first.n}`,
      basis: 'The source states no title; this is its first sentence, less its final full stop.',
    };
    decide.push('title: the capture states no title, so the draft uses the first sentence, as an editor’s title (titleSource: editor, with its basis). Keep it or write a better one.');
  } else {
    draft.title = { value: '', source: 'editor', from: 'nothing: the capture is empty', basis: '' };
    decide.push('title: the capture is empty. Check the file.');
  }

  // Page furniture: dropped, and read for what it states.
  const furnitureAt = new Map<number, ReturnType<typeof matchFurniture>>();
  for (const line of content) {
    if (consumed.has(line.n)) continue;
    const rule = matchFurniture(line);
    if (rule) furnitureAt.set(line.n, rule);
  }
  for (const [n, rule] of furnitureAt) {
    const line = lines[n - 1]!;
    let reason = `Page furniture: ${rule!.what}.`;
    if (rule!.records === 'kind') {
      const kind = input.kinds.find((k) => k === fold(line.text));
      if (kind && !draft.kind) {
        draft.kind = { value: kind, from: lineRef(line) };
        reason = 'Kind label; recorded as the article’s kind.';
      } else if (!kind) {
        decide.push(`kind: line ${n} labels the page ${quoted(line.text)}, which is not one of the kinds (${input.kinds.join(', ')}). Choose the nearest as kindInferred with its basis, or leave the kind empty.`);
      }
    } else if (rule!.records === 'published' && !draft.published) {
      const iso = dateFromLine(line.text, input.thisYear);
      if (iso) {
        draft.published = { value: iso, from: lineRef(line) };
        reason = 'Publication date; recorded as the article’s date.';
      }
    } else if (rule!.records === 'partOf' && !draft.partOf) {
      const name = normaliseText(line.text).match(rule!.pattern)?.groups?.value;
      if (name) {
        draft.partOf = { value: name, from: lineRef(line) };
        reason = 'Series statement; recorded as the series the article is part of.';
      }
    } else if (rule!.records === 'citation' && !draft.citation) {
      const next = content.find((l) => l.n > n && !consumed.has(l.n) && !furnitureAt.has(l.n));
      if (next) {
        draft.citation = { value: next.text, from: `line ${next.n}, after ${quoted(line.text)}` };
        consumed.add(next.n);
        reason = 'Label of the suggested citation; the citation itself is kept as metadata and shown in Cite this article.';
      }
    }
    dropped.push({ line: n, text: line.raw.trim() === '' ? line.raw : line.text, reason });
    consumed.add(n);
  }
  dropped.sort((a, b) => a.line - b.line);

  // A standfirst: the one paragraph between a stated title and the page's labels.
  if (draft.title.source === 'source') {
    const rest = content.filter((l) => l.n > first!.n);
    const [candidate, after] = rest;
    if (candidate && after && !consumed.has(candidate.n) && furnitureAt.has(after.n)) {
      draft.standfirst = { value: candidate.text, from: `${lineRef(candidate)}, between the title and the page’s labels` };
      consumed.add(candidate.n);
    }
  }

  if (!draft.published && input.url) {
    const fromUrl = dateFromUrl(input.url);
    if (fromUrl) {
      draft.publishedInferred = { value: fromUrl.iso, basis: `The text states no date; the address of the page contains “${fromUrl.as}”, which on most sites is the date of publication.` };
    }
  }
  if (!draft.published && !draft.publishedInferred) {
    decide.push('published: the capture states no date. If another source states it, write it; otherwise infer one from what the text reports (publishedInferred, with its basis), or leave it empty.');
  }
  if (!draft.kind) decide.push('kind: no kind label was found. If the form is clear (a press statement, a news report…), give kindInferred with its basis; otherwise leave it empty.');

  // The publisher: stated only by the text; from the address, a likely one.
  if (input.url && input.hosts) {
    let host = '';
    try {
      host = new URL(input.url).host;
    } catch {
      decide.push(`source.url: "${input.url}" is not a full web address (https://…).`);
    }
    const known = input.hosts.get(host);
    if (known) {
      draft.publisherInferred = {
        value: known.publisher,
        basis: `The page is on ${host}, the site where the collection's article ${known.article} states its publisher as ${known.publisherName}.`,
      };
    }
  }
  decide.push(
    draft.publisherInferred
      ? 'publisher: inferred from the address only. If the page itself names its publisher, make it publisher: (stated) instead.'
      : 'publisher: not stated in the text. If the page names one, add publisher:, or publisherInferred with its basis.',
  );
  decide.push('authors: the draft names none. If the page has a byline, add authors: [person ids]; if only another source names the author, authorsInferred with its basis.');

  // The body, with quotation markup proposed.
  const body = content.filter((l) => !consumed.has(l.n));
  const people = nameMatcher(input.people.map((p) => ({ key: p.id, names: [...p.names] })));
  const organisations = nameMatcher(input.organisations.map((o) => ({ key: o.id, names: [...o.names] })));
  const newPeople = new Map<string, NewPerson>();
  const newOrganisations = new Map<string, { id: string; name: string; from: string }>();
  const speakers = new Set<string>();
  const quotations: string[] = [];
  const knownPersonIds = new Set(input.people.map((p) => p.id));
  const knownOrganisationIds = new Set(input.organisations.map((o) => o.id));

  /** The person a name refers to: a known one, else a new one (recorded, with the role the line states). */
  const personNamed = (name: string, line: Line, role?: NewPerson['role']): string => {
    const known = people.find(name)[0];
    if (known && known.text === name) return known.key;
    const id = personIdFor(name);
    if (knownPersonIds.has(id)) return id;
    if (!newPeople.has(id)) newPeople.set(id, { id, name: name.replace(HONORIFIC, ''), role, from: lineRef(line) });
    return id;
  };
  const organisationNamed = (name: string, line: Line): string | undefined => {
    const known = organisations.find(name).find((m) => m.text === name);
    if (known) return known.key;
    const id = slugFor(name, new Set());
    if (knownOrganisationIds.has(id)) return id;
    if (!newOrganisations.has(id)) newOrganisations.set(id, { id, name, from: lineRef(line) });
    return undefined;
  };

  /** "Nigel Edwards, Chief Executive, Nuffield Trust": a name first, then a role, short and unpunctuated. */
  const attribution = (line: Line | undefined): { name: string; title?: string; organisation?: string } | undefined => {
    if (!line || line.text.length > 120 || /[.!?:;]$/.test(line.text) || OPENS_QUOTE.test(line.text)) return undefined;
    const [head, ...rest] = line.text.split(/\s*,\s*/);
    const name = head!.replace(/\s+/g, ' ').trim();
    const plain = name.replace(HONORIFIC, '');
    const knownPerson = people.find(name)[0];
    const isName = (knownPerson && knownPerson.start === 0 && knownPerson.text === name) || (new RegExp(`^${NAME.source}$`, 'u').test(plain) && !NOT_A_PERSON.test(plain));
    if (!isName) return undefined;
    return { name, ...(rest[0] ? { title: rest[0] } : {}), ...(rest.length > 1 ? { organisation: rest.slice(1).join(', ') } : {}) };
  };
  const roleFrom = (found: ReturnType<typeof attribution>, line: Line): NewPerson['role'] => {
    if (!found || (!found.title && !found.organisation)) return undefined;
    const organisation = found.organisation ? organisationNamed(found.organisation, line) : undefined;
    return { ...(found.title ? { title: found.title } : {}), ...(organisation ? { organisation } : {}), asStated: line.text };
  };

  /** Who is speaking, from a paragraph that introduces a quotation. */
  const speakerIn = (line: Line): string | undefined => {
    const text = line.text;
    const knownPeople = people.find(text);
    if (knownPeople.length > 0) return knownPeople.at(-1)!.key;
    const candidates = [...text.matchAll(NAME)].map((m) => m[0]).filter((n) => !NOT_A_PERSON.test(n) && organisations.find(n).length === 0);
    if (candidates.length > 0) return personNamed(candidates.at(-1)!, line);
    const knownOrganisations = organisations.find(text);
    if (knownOrganisations.length > 0) return knownOrganisations.at(-1)!.key;
    return undefined;
  };

  // A pull quote repeats words of the text, sometimes shortened ("The single joint finance director, for example, must…").
  const wordsOf = new Map(body.map((l) => [l.n, words(l.text)]));
  const isRepeat = (line: Line) => {
    const own = wordsOf.get(line.n)!;
    // A sentence of prose, not a list entry that shares a name with the text.
    return own.length >= 5 && /[.!?]["”’]?$/.test(line.text) && body.some((other) => other.n !== line.n && repeats(own, wordsOf.get(other.n)!));
  };

  const out: string[] = [];
  // Lines taken as a pull quote's attribution: not headings.
  const attributions = new Set<number>();
  let speaker: string | undefined;
  let openQuote = false;
  const closeQuote = () => {
    if (openQuote) {
      if (out.at(-1) === '') out.pop();
      out.push(':::', '');
    }
    openQuote = false;
  };
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    const next = body[i + 1];
    // A pull quote: a repeat of words elsewhere, followed by whom it is by.
    const by = isRepeat(line) ? attribution(next) : undefined;
    if (by && next) {
      closeQuote();
      const id = personNamed(by.name, next, roleFrom(by, next));
      speakers.add(id);
      out.push(`:::pullquote{speaker="${id}" attribution="${next.text.replace(/\s+/g, ' ').replace(/"/g, '&quot;')}"}`, paragraph(line.text), ':::', '');
      quotations.push(`line ${line.n}: pull quote by ${id} (attributed on line ${next.n})`);
      attributions.add(next.n);
      i++;
      continue;
    }
    if (speaker && OPENS_QUOTE.test(line.text)) {
      if (!openQuote) {
        out.push(`:::quote{speaker="${speaker}"}`);
        quotations.push(`line ${line.n}: block quotation by ${speaker}`);
        openQuote = true;
      }
      out.push(paragraph(line.text), '');
      continue;
    }
    closeQuote();
    if (out.at(-1) !== '' && out.length > 0) out.push('');
    speaker = SPEECH_INTRO.test(line.text) && next && OPENS_QUOTE.test(next.text) ? speakerIn(line) : undefined;
    if (SPEECH_INTRO.test(line.text) && next && OPENS_QUOTE.test(next.text) && !speaker) {
      decide.push(`Line ${line.n} introduces a quotation but names no speaker the draft could find: mark the paragraphs after it :::quote{speaker="…"} or {unattributed}.`);
    }
    if (speaker) speakers.add(speaker);
    out.push(inlineQuotations(line, speakerIn, speakers, quotations));
    out.push('');
  }
  closeQuote();

  // Known organisations the text names: proposed as the article's organisations.
  const named = new Set<string>();
  for (const line of [...body, ...(draft.standfirst ? [content.find((l) => l.text === draft.standfirst!.value)!] : [])]) {
    for (const m of organisations.find(line.text)) named.add(m.key);
  }

  const possibleHeadings = body.filter((l) => l.text.split(/\s+/).length <= 6 && !/[.!?:;,"”’]$/.test(l.text) && !attributions.has(l.n) && !/^[•·▪●-]/.test(l.text));
  if (possibleHeadings.length > 0) {
    decide.push(`Short lines that may be headings (write "## " before them) or furniture to add to content/furniture.yaml: ${possibleHeadings.map((l) => `line ${l.n} ${quoted(l.text)}`).join('; ')}.`);
  }
  decide.push('topics: choose from content/topics/ (or add one).');
  if (quotations.length > 0) decide.push('Quotation markup is proposed where the text says who speaks: check each speaker, and mark any other quotations (:quote[…]{speaker="…"}).');
  if (newPeople.size > 0) decide.push(`People without a file were found; stub files are written for them: check each name and role (${[...newPeople.keys()].join(', ')}).`);
  if (newOrganisations.size > 0) {
    decide.push(`Organisations without a file were found (${[...newOrganisations.values()].map((o) => o.name).join('; ')}): add content/organisations/<id>.yaml for each, with its kind, and they will be linked.`);
  }

  return {
    slug: slugFor(draft.title.value, input.slugs),
    title: draft.title,
    ...(draft.standfirst ? { standfirst: draft.standfirst } : {}),
    ...(draft.kind ? { kind: draft.kind } : {}),
    ...(draft.published ? { published: draft.published } : {}),
    ...(draft.publishedInferred ? { publishedInferred: draft.publishedInferred } : {}),
    ...(draft.partOf ? { partOf: draft.partOf } : {}),
    ...(draft.citation ? { citation: draft.citation } : {}),
    ...(draft.publisherInferred ? { publisherInferred: draft.publisherInferred } : {}),
    url: input.url,
    capture: input.capture,
    dropped,
    speakers: [...speakers].filter((s) => knownPersonIds.has(s) || newPeople.has(s)),
    organisations: [...named],
    // Bulleted lines that follow one another stay one list.
    body: `${out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^(- .*)\n\n(?=- )/gm, '$1\n').trim()}\n`,
    quotations,
    newPeople: [...newPeople.values()],
    newOrganisations: [...newOrganisations.values()],
    decide,
  };
}

/** Whether `part`'s words appear in `whole` in order, within a stretch not much longer than `part` (an elision or two). */
function repeats(part: readonly string[], whole: readonly string[]): boolean {
  for (let start = whole.indexOf(part[0]!); start !== -1; start = whole.indexOf(part[0]!, start + 1)) {
    let at = start;
    let matched = 0;
    for (const word of part) {
      const found = whole.indexOf(word, at);
      if (found === -1 || found - start > part.length * 1.5) break;
      at = found + 1;
      matched++;
    }
    if (matched === part.length) return true;
  }
  return false;
}

/** One line of the capture as a Markdown paragraph (a bulleted line as a list item). */
function paragraph(text: string): string {
  const bullet = /^[•·▪●]\s*/.exec(text);
  return bullet ? `- ${escapeMarkdown(text.slice(bullet[0].length))}` : escapeMarkdown(text);
}

/**
 * A paragraph that reports someone's words in double quotes ("Dorrell warned
 * that … “will need to …”") and names one speaker: the quoted words marked
 * as theirs. Anything less clear is left for the editor.
 */
function inlineQuotations(line: Line, speakerIn: (line: Line) => string | undefined, speakers: Set<string>, quotations: string[]): string {
  const text = line.text;
  if (OPENS_QUOTE.test(text)) return paragraph(text);
  const spans = [...text.matchAll(/“([^“”]{3,})”/g)].filter((m) => m[1]!.trim().split(/\s+/).length >= 4);
  if (spans.length === 0) return paragraph(text);
  // The speaker is named before the first quotation.
  const speaker = speakerIn({ ...line, text: text.slice(0, spans[0]!.index) });
  if (!speaker) return paragraph(text);
  speakers.add(speaker);
  quotations.push(`line ${line.n}: ${countOf(spans.length, 'quotation')} within the paragraph, by ${speaker}`);
  let result = '';
  let at = 0;
  for (const span of spans) {
    const start = span.index + 1;
    const end = start + span[1]!.length;
    result += `${escapeMarkdown(text.slice(at, start))}:quote[${escapeMarkdown(span[1]!)}]{speaker="${speaker}"}`;
    at = end;
  }
  const bullet = /^[•·▪●]\s*/.exec(text);
  const whole = result + escapeMarkdown(text.slice(at));
  return bullet ? `- ${whole.slice(bullet[0].length)}` : whole;
}

/** A YAML double-quoted string; unusual spaces written as escapes, so an editor can see them. */
const yamlString = (text: string) => JSON.stringify(text).replace(/[\u00a0\u2007\u2009\u202f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const comment = (text: string) => `  # ${text.replace(/\s+/g, ' ')}`;

/**
 * The article file: front matter with each stated field's line in a comment,
 * what is not stated left out and said so, then the body. A draft until the
 * editor removes `draft: true`.
 */
export function draftMarkdown(draft: ArticleDraft, today: string): string {
  const fm: string[] = [`# Drafted by npm run new on ${today} from content/sources/${draft.capture}. Check every field and the body against the source,`, '# decide what the draft could not (npm run new printed it), then run npm run check. Remove draft: true to publish.'];
  fm.push(`title: ${yamlString(draft.title.value)}${comment(draft.title.source === 'source' ? draft.title.from : `editor's title: ${draft.title.from}`)}`);
  fm.push(`titleSource: ${draft.title.source}`);
  if (draft.title.basis) fm.push(`titleBasis: ${yamlString(draft.title.basis)}`);
  if (draft.standfirst) fm.push(`standfirst: ${yamlString(draft.standfirst.value)}${comment(draft.standfirst.from)}`);
  if (draft.kind) fm.push(`kind: ${draft.kind.value}${comment(draft.kind.from)}`);
  else fm.push('# kind: not stated (add kindInferred with its basis if the form is clear)');
  if (draft.published) fm.push(`published: "${draft.published.value}"${comment(draft.published.from)}`);
  else if (draft.publishedInferred) fm.push('publishedInferred:', `  value: "${draft.publishedInferred.value}"`, `  basis: ${yamlString(draft.publishedInferred.basis)}`);
  else fm.push('# published: not stated');
  fm.push('# authors: not stated in what the draft could read');
  if (draft.speakers.length > 0) fm.push(`speakers: [${draft.speakers.join(', ')}]${comment('whose words the proposed quotation markup marks')}`);
  if (draft.publisherInferred) fm.push('publisherInferred:', `  value: ${draft.publisherInferred.value}`, `  basis: ${yamlString(draft.publisherInferred.basis)}`);
  else fm.push('# publisher: not stated');
  if (draft.organisations.length > 0) fm.push(`organisations: [${draft.organisations.join(', ')}]${comment('named in the text')}`);
  if (draft.partOf) fm.push('partOf:', `  name: ${yamlString(draft.partOf.value)}${comment(draft.partOf.from)}`, '  relation: series');
  fm.push('topics: []  # choose from content/topics/');
  fm.push('draft: true');
  fm.push('source:', `  capture: ${draft.capture}`);
  if (draft.url) fm.push(`  url: ${draft.url}`);
  if (draft.citation) fm.push(`  citation: ${yamlString(draft.citation.value)}${comment(draft.citation.from)}`);
  if (draft.dropped.length > 0) {
    fm.push('  dropped:');
    for (const d of draft.dropped) fm.push(`    - { line: ${d.line}, text: ${yamlString(d.text)}, reason: ${yamlString(d.reason)} }`);
  }
  return `---\n${fm.join('\n')}\n---\n\n${draft.body}`;
}

/** A stub file for a person the draft found, with the role the line states. */
export function personStub(person: NewPerson, slug: string): string {
  const lines = [`# Found by npm run new in ${person.from.replace(/\s+/g, ' ')} of content/articles/${slug}.md: check the name and role.`, `name: ${yamlString(person.name)}`, 'aliases: []'];
  if (person.role) {
    lines.push('roles:', `  - ${person.role.title ? `title: ${yamlString(person.role.title)}` : `organisation: ${person.role.organisation}`}`);
    if (person.role.title && person.role.organisation) lines.push(`    organisation: ${person.role.organisation}`);
    lines.push(`    statedIn: ${slug}`, `    asStated: ${yamlString(person.role.asStated)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What an organisation's file would hold: printed, not written, since only the editor can say its kind. */
export function organisationStub(organisation: { name: string }, kinds: readonly string[]): string {
  return `name: ${yamlString(organisation.name)}\naliases: []\nkind: ""  # one of: ${kinds.join(', ')}\n`;
}
