import { getCollection, type CollectionEntry } from 'astro:content';
import { articleDate, articleDateKey, type DateStatus } from '../lib/article-dates';
import { dateSortKey } from '../lib/dates';
import { nameMatcher } from '../lib/mentions';
import { rankRelated, relatedCandidates, type Related, type Relatable } from '../lib/related';
import type { ArticleRecord, QuoteRecord } from '../lib/article-record';
import { readNames, type GlossaryTerm } from '../content-files/names';
import { articleOf, catalogueNames, getCatalogue, quotedNotesOf, recordOf, storedOf, type Article, type Catalogue } from './catalogue';
import { inputsKey, pageReuse } from '../lib/page-reuse';
import { speakerName } from '../lib/speakers';
import { compareNames } from '../lib/text';
import { describeRole, roleAt } from '../lib/roles';
import { resolveStatedIn, type StatedIn } from '../lib/stated-in';
import { articleUrl, blockUrl, QUOTES_PAGE_SIZE, TIMELINE_PAGE_SIZE } from '../lib/routes';
import { groupPages, type GroupOnPage } from '../lib/paging';

/**
 * Everything that links one piece of content to another, derived at build
 * time from the content files and the Markdown pre-pass: quotes by speaker,
 * mentions, abbreviations in use, quoted-from links, timeline events and
 * related articles. Nothing here is written by hand in a template.
 */
export interface BlockRef {
  article: Article;
  block: string;
  text: string;
  href: string;
}

export interface Quote extends BlockRef {
  speaker: string | null;
  /** The speaker's role at the article's date, as the sources state it (lib/roles): "chief executive, NHS Providers". */
  role?: string | undefined;
  /** Where the words stand first, when this article quotes another ("Quoted from"): the original, to cite. */
  original?: { href: string; title: string } | undefined;
  form: QuoteRecord['form'];
}

export interface TimelineEvent {
  id: string;
  label: string;
  /** As stated, or the editors' inference with its basis; shown like an article's date. */
  date: Exclude<DateStatus, { status: 'none' }>;
  statedIn: BlockRef;
}

export interface CrossLinks {
  corpus: Map<string, ArticleRecord>;
  /** Every marked quotation except pull quotes (which repeat the body), newest article first. */
  quotes: Quote[];
  /** "people/<id>" or "organisations/<id>" → the first block of each article that names them. */
  mentions: Map<string, BlockRef[]>;
  glossary: { term: GlossaryTerm; uses: BlockRef[] }[];
  events: TimelineEvent[];
  /** What each article shares with others, for related articles; computed once. */
  relatables: Relatable[];
  /** Each article's candidates for related articles, from an index rather than every pair. */
  candidates: (target: Relatable) => Relatable[];
  /** Article → block → the article its words are quoted from, and the articles that quote them: for search results ("original", "quotes …"). */
  echoes: Map<string, Record<string, BlockEchoes>>;
}

export interface BlockEchoes {
  /** Title of the article these words stand in first. */
  from?: string;
  /** Titles of the articles that quote these words, the closest QUOTED_LINKS_SHOWN (lib/quoted-from closestFirst). */
  in?: string[];
  /** How many more articles quote them. */
  more?: number;
}

function blockRef(c: Catalogue, corpus: Map<string, ArticleRecord>, article: string, block: string): BlockRef | undefined {
  const entry = c.articlesById.get(article);
  const text = corpus.get(article)?.blocks.find((b) => b.id === block)?.text;
  if (!entry || text === undefined) return undefined;
  return { article: entry, block, text, href: blockUrl(article, block) };
}

function eventsOf(c: Catalogue, corpus: Map<string, ArticleRecord>, entries: CollectionEntry<'events'>[]): TimelineEvent[] {
  const events = entries.map((entry): TimelineEvent => {
    const { article, ...given } = entry.data.statedIn;
    // The articles loader has resolved every event's block (by id or by its words) and reported any it could not.
    const found = resolveStatedIn(given as StatedIn, corpus.get(article.id)?.blocks ?? []);
    const ref = 'id' in found ? blockRef(c, corpus, article.id, found.id) : undefined;
    if (!ref) throw new Error(`events/${entry.id}: the block of ${article.id} that states it was not checked by the articles loader`);
    // The schema requires one of the two, so an event always has a date.
    const date = articleDate({ published: entry.data.date, publishedInferred: entry.data.dateInferred }) as TimelineEvent['date'];
    return { id: entry.id, label: entry.data.label, date, statedIn: ref };
  });
  return events.sort((a, b) => dateSortKey(a.date.value).localeCompare(dateSortKey(b.date.value)));
}

const dateKeyOf = (article: Article | undefined) => article && articleDateKey(article.data);

/** A speaker's role when an article was published, from the roles the sources state (lib/roles). */
export function roleThen(c: Catalogue, speaker: string, article: Article): string | undefined {
  const roles = (c.people.get(speaker)?.data.roles ?? []).map((r) => ({
    title: r.title,
    organisation: r.organisation ? c.organisations.get(r.organisation.id)?.data.name : undefined,
    statedIn: r.statedIn.id,
    dateKey: dateKeyOf(c.articlesById.get(r.statedIn.id)),
  }));
  const role = roleAt(roles, { slug: article.id, dateKey: dateKeyOf(article) });
  return role && describeRole(role);
}

async function load(): Promise<CrossLinks> {
  // Only the names and terms: the rest of what the loader read is not needed here.
  const inputs = readNames();
  const [c, events] = await Promise.all([getCatalogue(), getCollection('events')]);
  // Recorded when each article was rendered (loaders/articles): nothing is parsed again here.
  const corpus = new Map(c.articles.map((a) => [a.id, recordOf(a)]));
  const inOrder = c.articles.flatMap((a) => {
    const entry = corpus.get(a.id);
    return entry ? [{ article: a, entry }] : [];
  });

  const titleOf = (slug: string) => c.articlesById.get(slug)?.data.title ?? slug;
  // The quoted-from notes rendering made (loaders/articles keeps them with each article), as search results
  // say them: a quotation's original (its closest source, as its "Quoted from" note lists first) and the
  // closest few articles that quote a block's words, with how many more.
  const echoes = new Map<string, Record<string, BlockEchoes>>();
  const originals = new Map<string, { href: string; title: string }>();
  for (const article of c.articles) {
    const blocks: Record<string, BlockEchoes> = {};
    for (const [block, notes] of Object.entries(quotedNotesOf(article))) {
      const echo: BlockEchoes = {};
      const original = notes.from?.links[0];
      if (original) {
        originals.set(`${article.id}#${block}`, { href: blockUrl(original.article, original.block), title: titleOf(original.article) });
        echo.from = titleOf(original.article);
      }
      if (notes.in) {
        echo.in = notes.in.links.map((l) => titleOf(l.article));
        if (notes.in.more > 0) echo.more = notes.in.more;
      }
      blocks[block] = echo;
    }
    if (Object.keys(blocks).length > 0) echoes.set(article.id, blocks);
  }
  const quotes = inOrder.flatMap(({ article, entry }) =>
    entry.quotes
      .filter((q) => q.form !== 'pull')
      .map((q): Quote => ({
        article,
        block: q.block,
        text: q.text,
        href: blockUrl(article.id, q.block),
        speaker: q.speaker,
        role: q.speaker ? roleThen(c, q.speaker, article) : undefined,
        original: originals.get(`${article.id}#${q.block}`),
        form: q.form,
      })),
  );

  // The names each record holds depend on its blocks and the list of names alone: kept between builds under both.
  const names = nameMatcher(inputs.names);
  const derived = pageReuse()?.derived;
  const namesKey = derived ? inputsKey(inputs.names) : '';
  const before = derived?.previous.mentions as MentionsFound | undefined;
  const foundBefore = before?.names === namesKey ? before.byRecord : {};
  const found: MentionsFound = { names: namesKey, byRecord: {} };
  const mentions = new Map<string, BlockRef[]>();
  for (const { article, entry } of inOrder) {
    const recordFile = storedOf(article).recordFile;
    let pairs = recordFile === undefined ? undefined : foundBefore[recordFile];
    if (!pairs) {
      pairs = [];
      const seen = new Set<string>();
      entry.blocks.forEach((block, at) => {
        if (block.kind === 'pull-quote') return;
        for (const m of names.find(block.text)) {
          if (seen.has(m.key)) continue;
          seen.add(m.key);
          pairs!.push([at, m.key]);
        }
      });
    }
    if (recordFile !== undefined) found.byRecord[recordFile] = pairs;
    for (const [at, key] of pairs) {
      const block = entry.blocks[at]!;
      const ref = { article, block: block.id, text: block.text, href: blockUrl(article.id, block.id) };
      const refs = mentions.get(key);
      if (refs) refs.push(ref);
      else mentions.set(key, [ref]);
    }
  }
  if (derived) derived.current.mentions = found;

  // Each term's uses: in each article, the first block (not a heading or pull quote) that holds it. One pass over
  // each article for every term at once: a pass per term cost terms × articles.
  const terms = nameMatcher(inputs.terms.map((term, i) => ({ key: String(i), names: [term.term], plural: true })));
  const glossary = inputs.terms.map((term) => ({ term, uses: [] as BlockRef[] }));
  for (const { article, entry } of inOrder) {
    const seen = new Set<string>();
    for (const block of entry.blocks) {
      if (block.kind === 'heading' || block.kind === 'pull-quote') continue;
      for (const key of terms.present(block.text)) {
        if (seen.has(key)) continue;
        seen.add(key);
        glossary[Number(key)]!.uses.push({ article, block: block.id, text: block.text, href: blockUrl(article.id, block.id) });
      }
    }
  }

  const partial = { corpus, quotes, mentions, glossary, events: eventsOf(c, corpus, events), echoes };
  const all = relatables(c, partial);
  return { ...partial, relatables: all, candidates: relatedCandidates(all) };
}

let crossLinks: Promise<CrossLinks> | undefined;

export function getCrossLinks(): Promise<CrossLinks> {
  crossLinks ??= load();
  return crossLinks;
}

const speakerGroupsCache = new WeakMap<CrossLinks, Map<string | null, Quote[]>>();

/** The quotations by speaker (null for unattributed), each newest article first: grouped once, not filtered for each speaker's page. */
function speakerGroups(x: CrossLinks): Map<string | null, Quote[]> {
  let groups = speakerGroupsCache.get(x);
  if (groups) return groups;
  groups = new Map();
  for (const q of x.quotes) {
    const list = groups.get(q.speaker);
    if (list) list.push(q);
    else groups.set(q.speaker, [q]);
  }
  speakerGroupsCache.set(x, groups);
  return groups;
}

/** A speaker's quotations (a person's id, or an organisation's as a speaker, lib/speakers), newest article first. */
export function quotesOf(x: CrossLinks, speaker: string): Quote[] {
  return speakerGroups(x).get(speaker) ?? [];
}

/** Quotes grouped by speaker (a person or organisation, lib/speakers; null for unattributed), speakers in name order, unattributed last. */
export function quotesBySpeaker(c: Catalogue, x: CrossLinks): { speaker: string | null; name: string; quotes: Quote[] }[] {
  return [...speakerGroups(x)]
    .map(([speaker, quotes]) => ({ speaker, name: speaker ? speakerName(speaker, catalogueNames(c)) : 'Speaker not stated', quotes }))
    .sort((a, b) => (a.speaker === null ? 1 : b.speaker === null ? -1 : compareNames(a.name, b.name)));
}

export type SpeakerGroup = { speaker: string | null; name: string };

const quotePagesCache = new WeakMap<CrossLinks, { pages: GroupOnPage<SpeakerGroup, Quote>[][]; startsOn: Map<SpeakerGroup, number> }>();

/** The quotes page's pages: quotations by speaker, QUOTES_PAGE_SIZE a page (lib/paging), worked out once per build. */
export function quotePages(c: Catalogue, x: CrossLinks): { pages: GroupOnPage<SpeakerGroup, Quote>[][]; startsOn: Map<SpeakerGroup, number> } {
  let laid = quotePagesCache.get(x);
  if (!laid) {
    laid = groupPages(
      quotesBySpeaker(c, x).map(({ quotes, ...group }) => ({ group, items: quotes })),
      QUOTES_PAGE_SIZE,
    );
    quotePagesCache.set(x, laid);
  }
  return laid;
}

/** One line of the timeline: an article at its date, or an event at its date with the article that states it. */
export interface TimelineEntry {
  kind: 'article' | 'event';
  /** None for an article that states no date and has none inferred (listed last, as undated). */
  date: DateStatus;
  title: string;
  href: string;
  source?: { title: string; href: string } | undefined;
}

/** A year of the timeline, or "undated" for the articles without a date. */
export type TimelineGroup = { year: number } | { year: 'undated' };

const timelinePagesCache = new WeakMap<CrossLinks, { pages: GroupOnPage<TimelineGroup, TimelineEntry>[][]; startsOn: Map<TimelineGroup, number> }>();

/**
 * The timeline's pages: articles and the events they report, oldest first,
 * grouped by year (an event before an article on the same date), then the
 * undated articles; TIMELINE_PAGE_SIZE entries a page (lib/paging), worked
 * out once per build.
 */
export function timelinePages(c: Catalogue, x: CrossLinks): { pages: GroupOnPage<TimelineGroup, TimelineEntry>[][]; startsOn: Map<TimelineGroup, number> } {
  let laid = timelinePagesCache.get(x);
  if (!laid) {
    const dated: (TimelineEntry & { date: Exclude<DateStatus, { status: 'none' }> })[] = [];
    const undated: TimelineEntry[] = [];
    for (const a of c.articles) {
      const date = articleDate(a.data);
      const entry = { kind: 'article' as const, title: a.data.title, href: articleUrl(a.id) };
      if (date.status === 'none') undated.push({ ...entry, date });
      else dated.push({ ...entry, date });
    }
    for (const e of x.events) {
      dated.push({ kind: 'event', date: e.date, title: e.label, href: e.statedIn.href, source: { title: e.statedIn.article.data.title, href: e.statedIn.href } });
    }
    const keys = new Map(dated.map((e) => [e, dateSortKey(e.date.value)]));
    dated.sort((a, b) => keys.get(a)!.localeCompare(keys.get(b)!) || (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1));
    const years = new Map<number, TimelineEntry[]>();
    for (const e of dated) {
      const list = years.get(e.date.value.year);
      if (list) list.push(e);
      else years.set(e.date.value.year, [e]);
    }
    const groups: { group: TimelineGroup; items: TimelineEntry[] }[] = [...years].map(([year, items]) => ({ group: { year }, items }));
    if (undated.length > 0) groups.push({ group: { year: 'undated' }, items: undated });
    laid = groupPages(groups, TIMELINE_PAGE_SIZE);
    timelinePagesCache.set(x, laid);
  }
  return laid;
}

const DAY = 86_400_000;

/** Each article's topics, voices and names, built in one pass (a large collection has thousands). */
function relatables(c: Catalogue, x: Omit<CrossLinks, 'relatables' | 'candidates'>): Relatable[] {
  const spokenIn = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const q of x.quotes) if (q.speaker) add(spokenIn, q.article.id, q.speaker);
  const namedIn = new Map<string, string[]>();
  for (const [key, refs] of x.mentions) for (const r of refs) add(namedIn, r.article.id, key);
  const nameOf = (key: string) => {
    const [kind, id] = key.split('/') as [string, string];
    return kind === 'people' ? (c.people.get(id)?.data.name ?? id) : (c.organisations.get(id)?.data.name ?? id);
  };
  return c.articles.map((article) => {
    const d = article.data;
    const voiceIds = [...d.authors.map((r) => r.id), ...d.speakers.map((r) => r.id), ...(spokenIn.get(article.id) ?? [])];
    const date = articleDate(d);
    return {
      id: article.id,
      // A month or year stands for its middle: closeness is approximate for such dates, and said to be.
      day: date.status === 'none' ? undefined : Math.round(Date.UTC(date.value.year, (date.value.month ?? 7) - 1, date.value.day ?? 15) / DAY),
      dayInferred: date.status === 'inferred' || (date.status === 'stated' && date.value.precision !== 'day'),
      topics: new Map(d.topics.map((t) => [t.id, c.topics.get(t.id)?.data.name ?? t.id])),
      voices: new Map(voiceIds.map((id) => [`people/${id}`, c.people.get(id)?.data.name ?? id])),
      named: new Map((namedIn.get(article.id) ?? []).map((key) => [key, nameOf(key)])),
    };
  });
}

const relatableById = new WeakMap<CrossLinks, Map<string, Relatable>>();

const relatedCache = new WeakMap<CrossLinks, Map<string, (Related & { article: Article })[]>>();
const rankedMemo = new WeakMap<CrossLinks, { before: Record<string, Related[]>; now?: RelatedFound }>();

/**
 * The related articles of the previous build (lib/page-reuse's derived), when
 * every article's topics, voices, names and date are what they were: the
 * ranking reads nothing else; and this build's, recorded as they are ranked.
 * Without page reuse (astro dev, a bare astro build), neither.
 */
function relatedMemo(x: CrossLinks): { before: Record<string, Related[]>; now?: RelatedFound } {
  let memo = rankedMemo.get(x);
  if (memo) return memo;
  const derived = pageReuse()?.derived;
  if (!derived) memo = { before: {} };
  else {
    const key = inputsKey(x.relatables.map((r) => [r.id, r.day, r.dayInferred, [...r.topics], [...r.voices], [...r.named]]));
    const before = derived.previous.related as RelatedFound | undefined;
    const now: RelatedFound = { relatables: key, lists: {} };
    derived.current.related = now;
    memo = { before: before?.relatables === key ? before.lists : {}, now };
  }
  rankedMemo.set(x, memo);
  return memo;
}

/** An article's related articles, ranked once per build: the page keys (data/page-reuse) and the page both ask. */
export function relatedArticles(c: Catalogue, x: CrossLinks, article: Article): (Related & { article: Article })[] {
  let ranked = relatedCache.get(x);
  if (!ranked) relatedCache.set(x, (ranked = new Map()));
  const known = ranked.get(article.id);
  if (known) return known;
  const memo = relatedMemo(x);
  let lists = memo.before[article.id];
  if (!lists) {
    let relatable = relatableById.get(x);
    if (!relatable) relatableById.set(x, (relatable = new Map(x.relatables.map((r) => [r.id, r]))));
    const target = relatable.get(article.id)!;
    lists = rankRelated(target, x.candidates(target));
  }
  if (memo.now) memo.now.lists[article.id] = lists;
  const found = lists.map((r) => ({ ...r, article: articleOf(c, r) }));
  ranked.set(article.id, found);
  return found;
}

/** The names found in each record (by its file, named by its digest), as [block's place, name's key], with the list of names they were found with. */
type MentionsFound = { names: string; byRecord: Record<string, [number, string][]> };
/** Each article's related articles, with the articles' relatable parts they were ranked from. */
type RelatedFound = { relatables: string; lists: Record<string, Related[]> };
