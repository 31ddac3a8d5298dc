import { formsOf, queryWords } from './did-you-mean';
import { expandSynonyms } from './synonyms';
import { words as textWords } from './text';
import { landing, type HitData, type Landing } from './search-landing';
import { isEmptyQuery, longestFirst, pagefindQueries, parseQuery, phraseRuns, relaxedQueries, type ParsedQuery, type Relaxed } from './search-query';
import { longestSharedRun, nearCandidates, phraseCandidates, phraseLocations, type PhraseFiles, type PhraseManifest } from './phrase-index';
import { pagefindFragmentUrl, phraseBucketUrl, phraseIndexUrl, phrasePagesUrl } from './routes';
import { fragmentData, gunzipped } from './search-index-files';
import { fragmentId } from './search-shards';
import { remembered, rememberedByKey } from './remembered';

/**
 * The search itself, over Pagefind's JavaScript API: runs the searches a
 * query needs (phrase and words must both match; a pasted passage's exact
 * source first), lands each hit on its block, and loads only the results a
 * page shows, so a broad query at thousands of articles costs one page of
 * fragments, not one per hit.
 *
 * Filters are applied by Pagefind, and the counts beside them are Pagefind's
 * own for a query it runs as one search (words, or one phrase), so they are
 * exact at any size. A facet with a choice made is counted as if its own
 * choice were not made, so its other values stay open ("any of" within a
 * facet). A query that needs several searches (two phrases, or a phrase and
 * words) is intersected here: its counts come from its hits' own filters,
 * exact up to EXACT_COUNTS hits, and said to be partial beyond.
 *
 * A query of exact phrases alone is first looked up in the index of adjacent
 * words (lib/phrase-index), which needs neither Pagefind's script nor its
 * index: when that narrows it to a page of results or fewer, their fragments
 * are read, each is confirmed to hold the phrase word for word, and the
 * results, their number and their counts are those pages' own, exact.
 * Otherwise (a phrase of one word, or one too common) Pagefind searches.
 */
export interface PagefindSearch {
  results: PagefindResult[];
  /** Facet → value → hits with that value, the search's filters applied. Present once the filter chunks are loaded. */
  filters?: Record<string, Record<string, number>>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<HitData & { filters: Record<string, string[]> }>;
}

export interface PagefindLike {
  search(query: string | null, options?: Record<string, unknown>): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** The index of adjacent words and the pages' fragments, read without Pagefind. */
export interface PhraseSource {
  files: PhraseFiles;
  fragment(name: string): Promise<Omit<HitData, 'locations'> & { filters: Record<string, string[]> }>;
}

/** The index of adjacent words and the fragments, over a function that reads a site's file by its URL (fetch in the browser). */
export function phraseSourceOver(read: (url: string) => Promise<Uint8Array>): PhraseSource {
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const manifest = remembered(() => read(phraseIndexUrl).then((bytes) => JSON.parse(text(bytes)) as PhraseManifest));
  return {
    files: {
      manifest,
      bucket: (n) => read(phraseBucketUrl(n)),
      pageNames: async (n) => JSON.parse(text(await read(phrasePagesUrl(n)))) as string[],
    },
    fragment: async (name) => fragmentData(await gunzipped(await read(pagefindFragmentUrl(name))), pagefindFragmentUrl(name)),
  };
}

export type Selected = Record<string, string[]>;
export type Result = Landing & { filters: Record<string, string[]> };

export interface SearchOutcome {
  query: ParsedQuery;
  /** Nothing to search for: no words and no filters. */
  empty: boolean;
  /** How many results there are, all told. */
  total: number;
  /** The first page of results, loaded. */
  results: Result[];
  /** Loads the results from `from` (the next page), `count` of them. */
  load(from: number, count: number): Promise<Result[]>;
  /** Facet → value → how many results there would be with that value chosen ({} until counted, with `counts: false`). */
  counts: Record<string, Record<string, number>>;
  /** The counts cover only the first EXACT_COUNTS hits (a query Pagefind cannot count as one search). */
  countsPartial: boolean;
  /** Counts the filters: at once with `counts: true`, or later, when the page has the results on screen. */
  countFilters(): Promise<{ counts: Record<string, Record<string, number>>; countsPartial: boolean }>;
  /** Words of the query that no article has (of those the results did not hold, CHECKED_WORDS are checked), never dropped silently. */
  unmatched: string[];
  /** The words looked up one by one for `unmatched`: each cost a search of its own, whose index files the page may check. */
  checked?: string[];
  /** Synonyms searched besides the terms typed (content/synonyms.yaml), to say so. */
  alternatives: string[];
  /** The looser form of the query these results are for, when the query as typed found nothing. */
  relaxed?: Relaxed;
  /** Words typed with a minus sign that some article has: the articles that have them are left out. */
  leftOut?: string[];
}

/** How many words of a query are checked one by one for "no article has…": a pasted passage is not checked word by word. */
export const CHECKED_WORDS = 12;

export const FACETS = ['publisher', 'organisation', 'person', 'topic', 'year', 'kind'] as const;
/** An unshown filter: the years among the year facet's that are inferred, to say so beside the count. */
export const INFERRED_YEAR = 'year-inferred';
export const PAGE_SIZE = 20;
/**
 * How long the search page waits for a file of the index, or for Pagefind's answer, before it says the search could
 * not be finished: a stalled connection raises no error (lib/deadline). Long enough for a first search's few hundred
 * kilobytes over a slow mobile connection.
 */
export const SEARCH_WAIT_MS = 30_000;
/** How long "Searching…" stands before the page says the site is slow to answer (still waiting, up to SEARCH_WAIT_MS). */
export const SLOW_SEARCH_MS = 8_000;

/** A filter with more values than this shows this many until the reader asks for all: a collection from twenty publishers names thousands of people. */
export const FACET_SHOWN = 10;

/**
 * The values a long filter shows before "Show all": every value chosen, then
 * the values with the most results, FACET_SHOWN in all (a value no result
 * has is never among them); ties, and every value before the counts are
 * known, in the order given. A filter of FACET_SHOWN values or fewer shows
 * them all.
 */
export function facetValuesShown(values: readonly string[], counts: Readonly<Record<string, number>> | undefined, chosen: ReadonlySet<string>): Set<string> {
  if (values.length <= FACET_SHOWN) return new Set(values);
  const shown = new Set(values.filter((v) => chosen.has(v)));
  const rest = values.filter((v) => !chosen.has(v) && (counts === undefined || (counts[v] ?? 0) > 0));
  if (counts) rest.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0));
  for (const v of rest) {
    if (shown.size >= FACET_SHOWN) break;
    shown.add(v);
  }
  return shown;
}
/** Hits whose fragments are loaded to count a query of several searches. */
export const EXACT_COUNTS = 50;

function matches(filters: Record<string, string[]>, selected: Selected, except?: string): boolean {
  return Object.entries(selected).every(
    ([facet, values]) => facet === except || values.length === 0 || values.some((v) => filters[facet]?.includes(v)),
  );
}

/** Counts each hit under each of its values, a facet's own choice set aside ("any of" within a facet). */
function addCounts(counts: Record<string, Record<string, number>>, hits: readonly { filters: Record<string, string[]> }[], selected: Selected): void {
  for (const { filters } of hits) {
    for (const [facet, values] of Object.entries(filters)) {
      if (!matches(filters, selected, facet)) continue;
      for (const value of values) {
        counts[facet] ??= {};
        counts[facet][value] = (counts[facet][value] ?? 0) + 1;
      }
    }
  }
}

/** Pagefind's form of the chosen filters: any of the chosen values of each facet. */
function pagefindFilters(selected: Selected, except?: string): Record<string, { any: string[] }> {
  return Object.fromEntries(
    Object.entries(selected)
      .filter(([facet, values]) => facet !== except && values.length > 0)
      .map(([facet, values]) => [facet, { any: values }]),
  );
}

/**
 * Searches the collection for what a reader typed or pasted. A query with a
 * quotation, or a long passage, that finds nothing is searched again in
 * looser forms (lib/search-query, relaxedQueries), and the outcome says
 * which form found the results, so that the page tells the reader what was
 * left out.
 */
export async function runSearch(pagefind: PagefindLike, raw: string, options: SearchOptions = {}): Promise<SearchOutcome> {
  // The pages with a word to leave out, looked up once for the query and every looser form of it.
  const leaving = remembered(() => excludedPages(pagefind, parseQuery(raw).excluded));
  const outcome = await searchAsTyped(pagefind, raw, options, leaving);
  if (outcome.total > 0 || outcome.empty) return outcome;
  // The words to leave out stay left out of every looser form.
  const leaveOut = outcome.query.excluded.map((w) => ` -${w}`).join('');
  for (const relaxed of relaxedQueries(outcome.query)) {
    // A word in no article is one to correct ("Did you mean"), not to leave out.
    if (relaxed.without !== undefined && outcome.unmatched.length > 0) break;
    const looser = await searchAsTyped(pagefind, `${relaxed.text}${leaveOut}`, options, leaving);
    // Not when a word of its own is in no article: Pagefind then answers with a shorter prefix of it, and that is no match.
    if (looser.total > 0 && looser.unmatched.length === 0) return { ...looser, relaxed };
  }
  const { phrases, selected = {}, sort = 'relevance', pageSize = PAGE_SIZE, counts: countNow = true } = options;
  if (!phrases || outcome.query.excluded.length > 0) return outcome;
  // Last, the pages that hold most of it: a quotation misremembered in both halves. An index that cannot be read finds none.
  const near = await nearSearch(pagefind, phrases, outcome.query, { selected, sort, limit: pageSize, countNow }).catch(() => undefined);
  if (!near) return outcome;
  const { query } = outcome;
  const withoutWords = query.phrases.length > 0 && query.words.length > 0 ? query.words : undefined;
  const relaxed: Relaxed = { text: query.text, near: true, ...(withoutWords && { withoutWords }), ...(query.phrases.length === 0 && { passage: true }) };
  // The words no article has stay said: they are most likely the ones misremembered.
  return { ...near, unmatched: outcome.unmatched, relaxed };
}

/** The outcome of a search answered from the index of adjacent words: every page found (`all`) and those the filters keep (`shown`), loaded. */
async function foundOutcome(pagefind: PagefindLike, query: ParsedQuery, found: { all: Result[]; shown: Result[] }, selected: Selected, countNow: boolean): Promise<SearchOutcome> {
  const countFilters = async () => {
    const counts = await zeroCounts(pagefind);
    addCounts(counts, found.all, selected);
    return { counts, countsPartial: false };
  };
  const load = async (from: number, count: number) => found.shown.slice(from, from + count);
  return { query, empty: false, total: found.shown.length, results: found.shown, load, ...(await countedNow(countNow, countFilters)), countFilters, unmatched: [], alternatives: [] };
}

type Counted = Pick<SearchOutcome, 'counts' | 'countsPartial'>;

/** The filter counts now, or none until the page asks for them (countFilters). */
const countedNow = async (countNow: boolean, countFilters: () => Promise<Counted>): Promise<Counted> => (countNow ? countFilters() : { counts: {}, countsPartial: false });

/** An outcome without results: an empty query, or words no article has. Every facet counts zero. */
async function noResults(
  pagefind: PagefindLike,
  query: ParsedQuery,
  countNow: boolean,
  said: Pick<SearchOutcome, 'empty' | 'unmatched' | 'alternatives' | 'leftOut'>,
): Promise<SearchOutcome> {
  const countFilters = async () => ({ counts: await zeroCounts(pagefind), countsPartial: false });
  return { query, total: 0, results: [], load: async () => [], ...(await countedNow(countNow, countFilters)), countFilters, ...said };
}

/**
 * Every facet's values, at zero. Loads the filter chunks, which Pagefind also needs before it counts: a large share of a
 * first search's bytes at thousands of articles, so only when counts are asked for.
 */
async function zeroCounts(pagefind: PagefindLike): Promise<Record<string, Record<string, number>>> {
  return Object.fromEntries(Object.entries(await pagefind.filters()).map(([facet, values]) => [facet, Object.fromEntries(Object.keys(values).map((v) => [v, 0]))]));
}

interface SearchOptions {
  selected?: Selected;
  sort?: 'relevance' | 'date';
  pageSize?: number;
  synonyms?: readonly (readonly string[])[];
  /** false: leave the filter counts (and the filter chunks Pagefind needs for them) until countFilters() is called. */
  counts?: boolean;
  /** The index of exact phrases; without it, Pagefind searches every query. */
  phrases?: PhraseSource | undefined;
}

async function searchAsTyped(
  pagefind: PagefindLike,
  raw: string,
  {
    selected = {},
    sort = 'relevance',
    pageSize = PAGE_SIZE,
    synonyms = [],
    counts: countNow = true,
    phrases,
  }: SearchOptions,
  leaving: () => Promise<{ ids: Set<string>; words: string[] }>,
): Promise<SearchOutcome> {
  const query = parseQuery(raw);
  // The query as typed, then with each synonym in place of a term it uses (lib/synonyms).
  const expansion = expandSynonyms(raw, synonyms);
  const variants = expansion.queries.map(parseQuery);
  const chosen = Object.entries(selected).filter(([, values]) => values.length > 0).map(([facet]) => facet);
  if (isEmptyQuery(query) && chosen.length === 0) return noResults(pagefind, query, countNow, { empty: true, unmatched: [], alternatives: [] });

  if (phrases && sort === 'relevance' && query.words.length === 0 && query.excluded.length === 0 && expansion.queries.length === 1) {
    // An index that cannot be read (a site built before it, a file lost on the way) leaves the search to Pagefind.
    const found = await phraseSearch(phrases, query, selected, pageSize).catch(() => undefined);
    if (found) return foundOutcome(pagefind, query, found, selected, countNow);
  }

  const sortBy = sort === 'date' ? { sort: { date: 'desc' } } : {};
  // Each variant of the query is one or more Pagefind searches whose hits must all agree.
  const searchVariants = (filters = pagefindFilters(selected)) => {
    const options = { ...sortBy, filters };
    return Promise.all(
      variants.map((q) => (isEmptyQuery(q) ? Promise.all([pagefind.search(null, options)]) : Promise.all(pagefindQueries(q).all.map((p) => pagefind.search(p, options))))),
    );
  };
  const intersect = (searches: PagefindSearch[]) => {
    const others = searches.slice(1).map((s) => new Set(s.results.map((r) => r.id)));
    return searches[0]!.results.filter((r) => others.every((ids) => ids.has(r.id)));
  };
  const leftOut = await leaving();
  // The variants' hits joined: the query as typed first, then what only a synonym found; none that has a word to leave out.
  const union = (perVariant: PagefindSearch[][]) => {
    const ids = new Set(leftOut.ids);
    return perVariant.flatMap((searches) => intersect(searches).filter((r) => !ids.has(r.id) && ids.add(r.id)));
  };
  const searchAll = async (filters = pagefindFilters(selected)) => (await searchVariants(filters)).flat();

  const perVariant = await searchVariants();
  const searches = perVariant.flat();
  let hits = union(perVariant);
  const preferred = isEmptyQuery(query) ? undefined : pagefindQueries(query).preferred;
  if (preferred && sort === 'relevance') {
    // The passage's exact source first, with the phrase's own hit locations: every run of it must match.
    const runs = await Promise.all(preferred.map((q) => pagefind.search(q, { filters: pagefindFilters(selected) })));
    const exact = intersect(runs).filter((r) => !leftOut.ids.has(r.id));
    const exactIds = new Set(exact.map((r) => r.id));
    hits = [...exact, ...hits.filter((r) => !exactIds.has(r.id))];
  }

  // A fragment that failed to load is asked for again by the next "Show more" (Pagefind forgets a failed load too).
  const landed = rememberedByKey<string, Result>();
  // Each result shows the sentence that holds most of the words searched for, a synonym's words among them.
  const terms = [...new Set(variants.flatMap((variant) => queryWords(variant.text)))];
  // The words of every fragment loaded, to tell which query words the collection has without loading more.
  const seen = new Set<string>();
  const landOne = (hit: PagefindResult) =>
    landed(hit.id, () =>
      hit.data().then((d) => {
        for (const word of textWords(d.content)) seen.add(word);
        return { ...landing(d, { preferSpeakers: selected.person, terms }), filters: d.filters };
      }),
    );
  const load = (from: number, count: number) => Promise.all(hits.slice(from, from + count).map(landOne));

  const countFilters = async () => {
    const counts = await zeroCounts(pagefind);
    let countsPartial = false;
    if (searches.length === 1 && leftOut.ids.size === 0) {
      // Searched again now that the filter chunks are loaded (the index chunks are, already): Pagefind counts only then.
      const countOf = (search: PagefindSearch, facet: string) => search.filters?.[facet] ?? {};
      const all = (await searchAll())[0]!;
      const without = new Map(await Promise.all(chosen.map(async (facet) => [facet, (await searchAll(pagefindFilters(selected, facet)))[0]!] as const)));
      for (const facet of Object.keys(counts)) Object.assign(counts[facet]!, countOf(without.get(facet) ?? all, facet));
    } else {
      // Several searches: count from the hits themselves, each facet as if its own choice were not made.
      const unfiltered = chosen.length > 0 ? union(await searchVariants({})) : hits;
      const counted = unfiltered.slice(0, EXACT_COUNTS);
      countsPartial = unfiltered.length > counted.length;
      addCounts(counts, await Promise.all(counted.map(landOne)), selected);
    }
    return { counts, countsPartial };
  };
  const results = originalsFirst(await load(0, pageSize));
  const looked = await unmatchedWords(pagefind, query, seen);
  const unmatched = looked.unmatched.filter((w) => !expansion.covered.includes(w));
  const asked = queryWords(query.text);
  if (asked.length > 0 && asked.length <= CHECKED_WORDS && asked.every((w) => unmatched.includes(w))) {
    // Every word is one no article has: what Pagefind found is its fallback to shorter prefixes ("a" for "auf"), no match.
    return noResults(pagefind, query, countNow, { empty: false, unmatched, alternatives: expansion.alternatives, leftOut: leftOut.words });
  }
  return { query, empty: false, total: hits.length, results, load, ...(await countedNow(countNow, countFilters)), countFilters, unmatched, checked: looked.checked, alternatives: expansion.alternatives, leftOut: leftOut.words };
}

/**
 * A query of exact phrases, from the index of adjacent words: every page that
 * holds them all (`all`, for the counts), and those the chosen filters keep
 * (`shown`), the pages with more of the phrase first, then in the index's
 * order. Undefined when the index cannot say in `limit` pages or fewer, or
 * none of its pages holds the phrase as typed (Pagefind then searches).
 */
async function phraseSearch(source: PhraseSource, query: ParsedQuery, selected: Selected, limit: number): Promise<{ all: Result[]; shown: Result[] } | undefined> {
  // The longest run first, as Pagefind's searches are run (lib/search-query): a result lands on its words.
  const runs = longestFirst(query.phrases.flatMap(phraseRuns));
  const names = await phraseCandidates(source.files, runs, limit);
  if (!names || names.length === 0) return undefined;
  const hits = await Promise.all(
    names.map(async (name) => {
      const data = await source.fragment(name);
      const locations = phraseLocations(data.content, runs, 0);
      return locations && { ...data, locations };
    }),
  );
  const found = hits.filter((hit) => hit !== undefined).sort((a, b) => b.locations.length - a.locations.length);
  if (found.length === 0) return undefined;
  const all = originalsFirst(found.map((hit) => ({ ...landing(hit, { preferSpeakers: selected.person }), filters: hit.filters })));
  return { all, shown: all.filter((r) => matches(r.filters, selected)) };
}

/**
 * A quotation (or a passage pasted without quote marks) that no form of the
 * query found, from the pages that hold most of its pairs of adjacent words
 * (lib/phrase-index, nearCandidates): each lands on the longest run of the
 * quotation it holds word for word. The pages that hold the most pairs come
 * first, or the newest when sorted by date; with filters chosen, every such
 * page they keep, however many closer pages they leave out. A page of
 * fragments is loaded at a time, as for any search; the filter counts cover
 * the EXACT_COUNTS closest pages. Undefined when no page holds enough pairs,
 * or the quotation is too short to say.
 */
async function nearSearch(
  pagefind: PagefindLike,
  source: PhraseSource,
  query: ParsedQuery,
  { selected, sort, limit, countNow }: { selected: Selected; sort: 'relevance' | 'date'; limit: number; countNow: boolean },
): Promise<SearchOutcome | undefined> {
  const runs = query.phrases.length > 0 ? query.phrases.flatMap(phraseRuns) : phraseRuns(query.passage);
  const near = await nearCandidates(source.files, runs);
  if (!near || near.pages.length === 0) return undefined;
  const filtered = Object.values(selected).some((values) => values.length > 0);
  // The pages the filters keep, newest first: Pagefind's search without words, from its filter and sort data alone.
  const listed =
    filtered || sort === 'date'
      ? (await pagefind.search(null, { filters: pagefindFilters(selected), ...(sort === 'date' && { sort: { date: 'desc' } }) })).results.map((r) => r.id)
      : [];
  // Pagefind's ids are the fragments' own names; the index of adjacent words names a shard's with its folder.
  const place = new Map(listed.map((id, i) => [id, i]));
  const placeOf = (page: { name: string }) => place.get(fragmentId(page.name));
  const kept = filtered ? near.pages.filter((page) => placeOf(page) !== undefined) : [...near.pages];
  if (sort === 'date') kept.sort((a, b) => (placeOf(a) ?? listed.length) - (placeOf(b) ?? listed.length));

  // Each fragment read once, whether shown or counted; a page with no two of the quotation's words together is left out.
  const landed = rememberedByKey<string, { result: Result; run: number } | undefined>();
  const hitOf = ({ name }: { name: string }) =>
    landed(name, async () => {
      const data = await source.fragment(name);
      const locations = longestSharedRun(data.content, runs);
      if (locations.length === 0) return undefined;
      return { result: { ...landing({ ...data, locations }, { preferSpeakers: selected.person }), filters: data.filters }, run: locations.length };
    });
  const load = async (from: number, count: number) => {
    const slice = kept.slice(from, from + count);
    const hits = await Promise.all(slice.map(async (page) => ({ held: page.held, hit: await hitOf(page) })));
    const found = hits.filter((h): h is { held: number; hit: { result: Result; run: number } } => h.hit !== undefined);
    // Of pages that hold as many pairs, the one with the longest run word for word first: most likely where it was said.
    if (sort === 'relevance') found.sort((a, b) => b.held - a.held || b.hit.run - a.hit.run);
    return found.map((h) => h.hit.result);
  };
  const countFilters = async () => {
    const counts = await zeroCounts(pagefind);
    const counted = near.pages.slice(0, EXACT_COUNTS);
    const hits = await Promise.all(counted.map(hitOf));
    addCounts(counts, hits.filter((hit) => hit !== undefined).map((hit) => hit.result), selected);
    return { counts, countsPartial: near.more || near.pages.length > counted.length };
  };
  const first = await load(0, limit);
  const results = sort === 'relevance' ? originalsFirst(first) : first;
  return { query, empty: false, total: kept.length, results, load, ...(await countedNow(countNow, countFilters)), countFilters, unmatched: [], alternatives: [] };
}

/**
 * Where a page of results holds both the original of some words and an
 * article that quotes them, the original comes first (it is the one to
 * cite), just before the first result that quotes it; the order is
 * otherwise kept.
 */
export function originalsFirst<T extends { title: string; echoes?: { from?: string | undefined } | undefined }>(results: T[]): T[] {
  const out = [...results];
  for (let i = 0; i < out.length; i++) {
    const from = out[i]!.echoes?.from;
    const at = from === undefined ? -1 : out.findIndex((r, j) => j > i && r.title === from);
    if (at > i) out.splice(i, 0, ...out.splice(at, 1));
  }
  return out;
}

/**
 * The words of a query no article has, so that none is dropped silently. A
 * word found in the fragments already loaded costs nothing; any other is
 * searched alone, and its first hit's fragment read to see whether the hit is
 * the word or only Pagefind's fallback to a shorter prefix (lib/did-you-mean).
 * Those cost a search each, so CHECKED_WORDS of them at most: in a pasted
 * passage they are the few words its results do not hold, wherever they
 * stand in it (a misspelt word late in a long passage is named too).
 */
async function unmatchedWords(pagefind: PagefindLike, query: ParsedQuery, seen: ReadonlySet<string>): Promise<{ unmatched: string[]; checked: string[] }> {
  if (isEmptyQuery(query)) return { unmatched: [], checked: [] };
  const known = [...seen];
  const unmatched: string[] = [];
  const checked: string[] = [];
  for (const word of queryWords(query.text)) {
    if (seen.has(word) || known.some(formsOf(word))) continue;
    if (checked.length === CHECKED_WORDS) break;
    checked.push(word);
    const [first] = (await pagefind.search(word)).results;
    if (!first || !(await holdsWord(first, word))) unmatched.push(word);
  }
  return { unmatched, checked };
}

/**
 * Whether a hit of Pagefind's search for a word holds a form of it: else the
 * hit is Pagefind's fallback to a shorter prefix ("a" for "auf"), and no
 * article has the word. Pagefind also finds a word in a page's metadata (its
 * date's year, "inferred"), where the content does not have it.
 */
async function holdsWord(hit: PagefindResult, word: string): Promise<boolean> {
  const data = await hit.data();
  return textWords([data.content, ...Object.values(data.meta ?? {})].join(' ')).some(formsOf(word));
}

/** The pages that have any of the words to leave out ("-finance"), and which of those words the collection has. */
async function excludedPages(pagefind: PagefindLike, words: readonly string[]): Promise<{ ids: Set<string>; words: string[] }> {
  const ids = new Set<string>();
  const found: string[] = [];
  for (const word of words) {
    const search = await pagefind.search(word);
    const [first] = search.results;
    if (!first || !(await holdsWord(first, word))) continue;
    found.push(word);
    for (const hit of search.results) ids.add(hit.id);
  }
  return { ids, words: found };
}
