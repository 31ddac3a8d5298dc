/*
 * The search page: its whole state (query, filters, order) lives in the URL,
 * so a search can be bookmarked, shared and reloaded, and Back works. Results
 * come from src/lib/search-engine.ts over Pagefind.
 */
import { correctedQuery, queryWords, shardOf, suggest, type Vocabulary } from '../lib/did-you-mean';
import { namedEntities, queryShards, type EntityEntry, type PersonItem, type PersonWords } from '../lib/entity-search';
import { entityShardUrl, fitSearchText, SEARCH_CUT_KEY, siteRouteIn, siteSearchIn, type Route, pagefindChunkUrl, pagefindFilterUrl, pagefindMetaUrl, pagefindScriptUrl, pagefindShardUrl, personWordsPageUrl, personWordsUrl, searchShardsUrl, searchUrl, synonymsUrl, vocabularyUrl } from '../lib/routes';
import { inShardOrder, type ShardsManifest } from '../lib/search-shards';
import { chunksForWord, gunzipped, metaFileName, readIndexMeta, type IndexMeta } from '../lib/search-index-files';
import { resultFacts } from '../lib/search-metadata';
import { CHECKED_WORDS, EXACT_COUNTS, FACET_SHOWN, FACETS, facetValuesShown, INFERRED_YEAR, PAGE_SIZE, phraseSourceOver, SEARCH_WAIT_MS, SLOW_SEARCH_MS, runSearch, type PagefindLike, type PagefindSearch, type Result, type SearchOutcome, type Selected } from '../lib/search-engine';
import { forgetUnanswered, remembered, rememberedByKey } from '../lib/remembered';
import { fetchWithin, within } from '../lib/deadline';
import type { Relaxed } from '../lib/search-query';
import { joinBrokenWordsOnPaste } from './paste-joined';
import { compareNames, countOf } from '../lib/text';

interface State {
  q: string;
  selected: Selected;
  sort: 'relevance' | 'date';
}

const FACET_LABELS: Record<string, string> = {
  publisher: 'Publisher',
  organisation: 'Named in the text',
  person: 'Author or speaker',
  topic: 'Topic',
  year: 'Year',
  kind: 'Kind',
};

const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const sortSelect = document.getElementById('search-sort') as HTMLSelectElement;
const filtersBox = document.getElementById('search-filters') as HTMLElement;
const status = document.getElementById('search-status') as HTMLElement;
const list = document.getElementById('search-results') as HTMLOListElement;
const more = document.getElementById('search-more') as HTMLButtonElement;
const entitiesBox = document.getElementById('search-entities') as HTMLElement;
const entityList = entitiesBox.querySelector('ul') as HTMLUListElement;
form.hidden = false;
document.getElementById('search-nojs')?.remove();

// Loaded again by the next search if it failed (lib/remembered).
let scriptAttempts = 0;
const pagefindScript = remembered(() => {
  // A variable URL: a literal import() here is mangled by Vite (Astro 7.3 bug). After a failed attempt, another
  // address for the same file: the browser keeps a failed import() of an address for the page's life
  // (https://github.com/whatwg/html/issues/6768), so asking again for the same one would fail without a request.
  // Pagefind finds its other files beside its script's address, query or not.
  const url = scriptAttempts++ === 0 ? pagefindScriptUrl : `${pagefindScriptUrl}?attempt=${scriptAttempts}`;
  return within(import(/* @vite-ignore */ url) as Promise<PagefindScript>, SEARCH_WAIT_MS);
});
interface PagefindScript extends PagefindLike {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
  destroy(): Promise<void>;
}

/** Every file the page asks the site for is given up if it has not arrived after SEARCH_WAIT_MS, as a failure (lib/deadline). */
const fetchInTime = (url: string, init?: RequestInit) => fetchWithin(url, SEARCH_WAIT_MS, init);

/**
 * Pagefind, set up when a search first needs it. One of its requests left unanswered (a stalled connection raises no
 * error, and Pagefind keeps the request it is waiting on for any later search that needs the same file) would hold
 * every later search or filter build for the page's life: a call unanswered after SEARCH_WAIT_MS is given up, and
 * Pagefind is set up afresh for the next search, its worker, and the requests it was waiting on, ended.
 */
let engine = remembered(setUpPagefind);
/** How many times Pagefind was given up: the results of a search made before cannot load more (their Pagefind is gone). */
let pagefindGivenUp = 0;
async function setUpPagefind(): Promise<PagefindLike> {
  const [pf, { shards }] = await Promise.all([pagefindScript(), shardList()]);
  let givenUp = false;
  const giveUp = () => {
    if (givenUp) return;
    givenUp = true;
    pagefindGivenUp++;
    engine = remembered(setUpPagefind);
    void pf.destroy().catch(() => undefined);
  };
  const late = <T>(answer: Promise<T>) => within(answer, SEARCH_WAIT_MS, giveUp);
  await pf.options({ excerptLength: 0 });
  // The first shard is Pagefind's own folder, whose script this is; the others are merged into its search.
  await late(Promise.all([pf.init(), ...shards.filter((shard) => shard.folder !== '').map((shard) => pf.mergeIndex(pagefindShardUrl(shard.folder), { excerptLength: 0 }))]));
  return {
    filters: () => late(pf.filters()),
    search: async (query, options) => {
      const found = (await late(pf.search(query, options))) as PagefindSearch;
      const results = found.results.map((result) => ({ ...result, data: () => late(result.data()) }));
      if (shards.length < 2 || !options?.sort) return { ...found, results };
      // Sorted by date, Pagefind scores each result by its place in its own shard: put back in order of shards.
      const shardOf = await pagesShards();
      const newestFirst = Object.values(options.sort as Record<string, string>)[0] !== 'asc';
      return { ...found, results: inShardOrder(results, (id) => shardOf.get(id) ?? 0, newestFirst) };
    },
  };
}

/** Whether Pagefind has searched since this was last set false: a search the index of adjacent words answered alone did not. */
let pagefindSearched = false;
/** Pagefind, loaded when a search first needs it: a phrase the index of adjacent words answers needs none of it. */
const lazyPagefind: PagefindLike = {
  search: async (query, options) => {
    pagefindSearched = true;
    return (await engine()).search(query, options);
  },
  filters: async () => (await engine()).filters(),
};

const phrases = phraseSourceOver(async (url) => {
  const response = await fetchInTime(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
});

// --- A new version of the site, published while this page is open. Its index replaces the one this page has begun
// to read: Pagefind's chunks and fragments are named by hashes, so the old ones are gone, and the index of adjacent
// words is numbered anew, so searching on would miss results or mix two versions. The list of shards names each
// shard's index by a hash: it is read again (a few hundred bytes) beside each search after the first, and if it
// changed the page loads again, its address holding the search.
const RELOADED = 'policy-reader:search-index-replaced';
/** The list of the index's shards (lib/search-shards), which names each one's index by a hash: what a new version of the site changes. */
const readShards = () => fetchInTime(searchShardsUrl, { cache: 'no-store' }).then((r) => (r.ok ? r.text() : undefined), () => undefined);
/**
 * Whether the site cannot be reached now. Pagefind swallows an index or filter file that did not load (it fetches in
 * its worker, and answers as if the file were empty): what it answers then is not believed.
 */
const unreachable = async () => (await readShards()) === undefined;
/** The list of shards as the page first read it, which its Pagefind was set up with: what indexReplaced compares. */
let firstList: string | undefined;
/** The shards, read once they are needed (and again after a failure). */
const shardList = remembered(async (): Promise<ShardsManifest> => {
  const text = await readShards();
  if (text === undefined) throw new Error('The site cannot be reached.');
  firstList ??= text;
  return JSON.parse(text) as ShardsManifest;
});

/** What each shard's metadata says of its pages and chunks (lib/search-index-files), read once it is needed. */
const indexMeta = rememberedByKey<string, IndexMeta>();
const shardMeta = (shard: ShardsManifest['shards'][number]) =>
  indexMeta(shard.folder, async () => {
    const url = pagefindMetaUrl(metaFileName(shard.index), shard.folder);
    const response = await fetchInTime(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return readIndexMeta(await gunzipped(new Uint8Array(await response.arrayBuffer())), url);
  });
/** Each page's shard (oldest 0) by its fragment, Pagefind's id of a result: from the metadata Pagefind has loaded already. */
const pagesShards = remembered(async () => {
  const { shards } = await shardList();
  const metas = await Promise.all(shards.map(shardMeta));
  return new Map(metas.flatMap((meta, n) => meta.pages.map((page) => [page, n] as const)));
});
/**
 * Whether a file loads: 'cached' when the browser has it (Pagefind loaded it), 'loaded' when it came from the site
 * now (Pagefind may have failed to), 'missing' when it does not load.
 */
async function loads(url: string): Promise<'cached' | 'loaded' | 'missing'> {
  const cached = await fetchInTime(url, { cache: 'only-if-cached', mode: 'same-origin' }).then((r) => r.ok, () => false);
  if (cached) return 'cached';
  return fetchInTime(url).then((r) => (r.ok ? 'loaded' : 'missing'), () => 'missing');
}
/**
 * Whether the files of the index that a search needed load, though Pagefind answered as if one were empty (it does
 * so for a file that did not arrive: a proxy that refuses one file, a request dropped). The word chunks of every
 * shard that may hold the query's words, or the filter chunks of the facets given, are asked for again: 'missing' if
 * one does not load (or a shard's metadata does not), 'loaded' if one came from the site only now (the search is
 * worth running again), else 'cached'.
 */
async function indexFiles(what: { words: string[] } | { facets: string[] }): Promise<'cached' | 'loaded' | 'missing'> {
  const shards = await shardList().then((list) => list.shards, () => undefined);
  const metas = shards && (await Promise.all(shards.map((shard) => shardMeta(shard).then((meta) => ({ meta, folder: shard.folder })))).catch(() => undefined));
  if (!metas) return 'missing';
  const urls = metas.flatMap(({ meta, folder }) =>
    'words' in what
      ? [...new Set(what.words.flatMap((word) => chunksForWord(meta, word)))].map((hash) => pagefindChunkUrl(hash, folder))
      : meta.filters.filter((f) => what.facets.includes(f.facet)).map((f) => pagefindFilterUrl(f.hash, folder)),
  );
  const found = await Promise.all(urls.map(loads));
  return found.includes('missing') ? 'missing' : found.includes('loaded') ? 'loaded' : 'cached';
}
let searchedBefore = false;
async function indexReplaced(): Promise<boolean> {
  if (!searchedBefore) {
    searchedBefore = true;
    // The same request Pagefind is set up from: a list read on its own could arrive after a new version was
    // published, while Pagefind had read the old one, and the change would never be seen.
    void shardList().catch(() => undefined);
    return false;
  }
  const now = await readShards();
  return firstList !== undefined && now !== undefined && firstList !== now;
}
function loadAgain() {
  try {
    sessionStorage.setItem(RELOADED, '1');
  } catch {
    // Storage refused: the page loads again all the same, without saying why.
  }
  location.reload();
}
let reloadedForNewIndex = false;
try {
  reloadedForNewIndex = sessionStorage.getItem(RELOADED) === '1';
  sessionStorage.removeItem(RELOADED);
} catch {
  // Storage refused.
}

function readUrl(): State {
  const params = new URLSearchParams(location.search);
  const selected: Selected = {};
  for (const facet of FACETS) {
    const values = params.getAll(facet);
    if (values.length > 0) selected[facet] = values;
  }
  return { q: fitQuery(params.get('q') ?? ''), selected, sort: params.get('sort') === 'date' ? 'date' : 'relevance' };
}

/** Whether the words searched were cut to fit the search's address, to say so. */
let queryCut = false;

/** Words typed, pasted or linked, fitted to the search's address (lib/routes, fitSearchText): a search that long could not be shared or reloaded. */
function fitQuery(text: string): string {
  const fit = fitSearchText(text);
  queryCut = fit.cut;
  return fit.text;
}

/** The box's words as searched: a passage cut to fit shows only what is searched. */
function queryFromBox(): string {
  const q = fitQuery(input.value);
  if (queryCut) input.value = q;
  return q;
}

function writeUrl(state: State, push: boolean) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [facet, values] of Object.entries(state.selected)) for (const v of values) params.append(facet, v);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const url = `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

let state = readUrl();
input.value = state.q;
// Cut to fit by the header's box on the page before (browser/search-shortcut): said as if cut here.
try {
  if (state.q && sessionStorage.getItem(SEARCH_CUT_KEY) === state.q) queryCut = true;
  sessionStorage.removeItem(SEARCH_CUT_KEY);
} catch {
  // Storage refused.
}

// --- Filters: built once, then only their counts change, so focus stays put.
const boxes = new Map<string, HTMLInputElement>();
const countLabels = new Map<string, HTMLElement>();
const key = (facet: string, value: string) => `${facet}\u0000${value}`;

/** A filter with more than FACET_SHOWN values: its rows, whether the reader asked for all, its button, and the latest counts. */
interface LongFacet {
  values: string[];
  rows: Map<string, HTMLElement>;
  all: boolean;
  button: HTMLButtonElement;
  counts?: Readonly<Record<string, number>> | undefined;
}
const longFacets = new Map<string, LongFacet>();

/** Shows a long filter's chosen values and its most counted, or all of them when asked (lib/search-engine facetValuesShown). */
function arrangeFacet(facet: string, long: LongFacet) {
  const shown = long.all ? undefined : facetValuesShown(long.values, long.counts, new Set(state.selected[facet] ?? []));
  for (const [value, row] of long.rows) row.hidden = shown !== undefined && !shown.has(value);
  long.button.textContent = long.all ? 'Show fewer' : `Show all ${long.values.length.toLocaleString('en-GB')}`;
  long.button.setAttribute('aria-expanded', String(long.all));
}

/** The filter list, built once, after the first results are on screen: its data is a large part of a first search's bytes. */
const ensureFilters = remembered(() => {
  filtersBegunBy = generation;
  return buildFilters().then(() => syncForm({ query: false }));
});
/** The search that began the filters' latest build: one an earlier search began may fail on files that load now. */
let filtersBegunBy = 0;

async function buildFilters() {
  let all = await (await engine()).filters();
  // Pagefind leaves out a facet whose file did not load: while the site cannot be reached, nothing is built, and the
  // next search asks again, rather than a list without that facet for the page's life.
  const missing = () => FACETS.filter((facet) => !(facet in all));
  // Over shards, a facet whose file did not load in one shard is there all the same, from the others, with values
  // and counts short: every facet's file of every shard is checked then (from the browser's cache, asking the site
  // for nothing when all arrived).
  const sharded = await shardList().then((list) => list.shards.length > 1, () => false);
  const checked = () => (sharded ? [...FACETS, INFERRED_YEAR] : missing());
  // A facet of no article has no file (its check finds nothing to load); one whose file loads only now is read again,
  // from the browser's cache, as Pagefind forgets a file that failed.
  if (checked().length > 0) {
    const files = (await unreachable()) ? 'missing' : await indexFiles({ facets: checked() });
    if (files === 'missing') throw new Error('Part of the index did not load.');
    if (files === 'loaded') {
      all = await (await engine()).filters();
      if (missing().length > 0 && (await indexFiles({ facets: missing() })) !== 'cached') throw new Error('Part of the index did not load.');
    }
  }
  for (const facet of FACETS) {
    const values = Object.keys(all[facet] ?? {}).sort((a, b) =>
      facet === 'year' ? b.localeCompare(a) : compareNames(a, b),
    );
    if (values.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = FACET_LABELS[facet] ?? facet;
    fieldset.append(legend);
    const rows = new Map<string, HTMLElement>();
    values.forEach((value, index) => {
      const id = `f-${facet}-${index}`;
      const row = document.createElement('div');
      row.className = 'search__filter';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = id;
      box.name = facet;
      box.value = value;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = `${value} `;
      const count = document.createElement('span');
      count.className = 'search__count';
      label.append(count);
      row.append(box, label);
      fieldset.append(row);
      rows.set(value, row);
      boxes.set(key(facet, value), box);
      countLabels.set(key(facet, value), count);
      box.addEventListener('change', () => {
        const chosen = new Set(state.selected[facet] ?? []);
        if (box.checked) chosen.add(value);
        else chosen.delete(value);
        state = { ...state, selected: { ...state.selected, [facet]: [...chosen] } };
        if (chosen.size === 0) delete state.selected[facet];
        writeUrl(state, true);
        void run();
      });
    });
    if (values.length > FACET_SHOWN) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'search__facet-all';
      // "Show all 2,000", described by the filter's name.
      legend.id = `facet-${facet}-legend`;
      button.setAttribute('aria-describedby', legend.id);
      const long: LongFacet = { values, rows, all: false, button };
      button.addEventListener('click', () => {
        long.all = !long.all;
        arrangeFacet(facet, long);
      });
      fieldset.append(button);
      longFacets.set(facet, long);
      arrangeFacet(facet, long);
    }
    filtersBox.append(fieldset);
  }
}

/** Puts the state into the form; the query too, unless the reader is typing it. */
function syncForm({ query = true } = {}) {
  if (query) input.value = state.q;
  sortSelect.value = state.sort;
  for (const [k, box] of boxes) {
    const [facet, value] = k.split('\u0000') as [string, string];
    box.checked = state.selected[facet]?.includes(value) ?? false;
  }
}

// --- Results.
let outcome: SearchOutcome | undefined;
/** pagefindGivenUp when the outcome shown was made. */
let outcomeMadeAfter = 0;
let shown = 0;

/** A result's title, as the link to it. */
function resultHeading(title: string, href: string): HTMLHeadingElement {
  const heading = document.createElement('h2');
  heading.className = 'search-result__title';
  const link = document.createElement('a');
  link.href = href;
  link.textContent = title;
  heading.append(link);
  return heading;
}

/** The article a result is from: its title as the link, then its publisher and date. */
function articleLines(facts: { title: string; href: string; publisher?: string | undefined; date?: string | undefined }): [HTMLHeadingElement, HTMLParagraphElement] {
  const heading = resultHeading(facts.title, facts.href);
  const meta = document.createElement('p');
  meta.className = 'search-result__meta';
  meta.textContent = [facts.publisher ?? 'Publisher not stated', facts.date ?? 'Date not stated'].join(' · ');
  return [heading, meta];
}

/**
 * A result answers "who said it": the sentence with the words marked, then
 * who says them (a speaker with their role then, or the article's author, or
 * that the source does not say), then the article, its publisher and date.
 */
function resultItem(r: Result): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  for (const part of r.sentence) {
    if (!part.marked) {
      excerpt.append(part.text);
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = part.text;
    excerpt.append(mark);
  }
  const who = document.createElement('p');
  who.className = 'search-result__who';
  who.textContent = r.who ? `${r.who}${r.role ? `, ${r.role}` : ''}${r.quoted ? '' : ' (author)'}` : 'Author not stated';
  item.append(excerpt, who, ...articleLines({ title: r.title, href: r.href, publisher: r.organisation, date: r.date }));
  // The same words elsewhere: whether this is the original, or quotes it.
  const echo = r.echoes?.from ? `Quotes “${r.echoes.from}”` : r.echoes?.in?.length ? `Original; quoted in ${r.echoes.in.map((t) => `“${t}”`).join(', ')}${r.echoes.more ? ` and ${r.echoes.more} more` : ''}` : '';
  if (echo) {
    const note = document.createElement('p');
    note.className = 'search-result__echo';
    note.textContent = echo;
    item.append(note);
  }
  return item;
}

/** Shows a page of results: only the results shown are ever loaded. */
function show(results: Result[], focusFirstNew: boolean) {
  if (!outcome) return;
  const items = results.map(resultItem);
  list.append(...items);
  shown += results.length;
  more.hidden = shown >= outcome.total;
  if (focusFirstNew) items[0]?.querySelector('a')?.focus();
}

async function showMore() {
  if (personMore) return showMorePerson(personMore);
  const current = outcome;
  if (!current) return;
  more.disabled = true;
  try {
    const next = await current.load(shown, PAGE_SIZE);
    if (current === outcome) show(next, true);
  } catch {
    forgetUnanswered();
    if (await indexReplaced()) return loadAgain();
    // Pagefind given up since these results were found: more of them can come only from the search made again.
    const again = outcomeMadeAfter === pagefindGivenUp ? 'try again' : 'search again';
    if (current === outcome) status.textContent = `${describe(current)} ${NOT_LOADED} More results could not be loaded: ${again}.`;
  } finally {
    more.disabled = false;
  }
}

/** The most words of a query the status line repeats whole; a pasted passage is named by its first words and its length. */
const ECHOED_WORDS = 20;
const PASSAGE_START = 12;

/**
 * Words in quotation marks, as the status line repeats them: whole, or a pasted page by its first words and how many
 * there are (the line is a live region, read out as it changes: not a page of text again).
 */
function quoted(words: readonly string[]): string {
  if (words.length <= ECHOED_WORDS) return `“${words.join(' ')}”`;
  return `“${words.slice(0, PASSAGE_START).join(' ').replace(/["“”]/g, '')} …” (${countOf(words.length, 'word')})`;
}

/** What a looser search left out of the query as typed (lib/search-query, relaxedQueries). */
function relaxedNote({ text, withoutWords, withoutEdges, wordsOnly, part, passage, near, without }: Relaxed, total: number, sort: State['sort']): string {
  if (without !== undefined) {
    const each = text.split(' ').map((word) => `“${word}”`);
    const both = each.length === 1 ? each[0] : `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`;
    return `No article has all these words: ${total === 1 ? 'this result has' : 'these results have'} ${both}, not “${without}”.`;
  }
  const words = withoutWords ? ` with ${quoted(withoutWords)}` : '';
  const alsoWithout = words ? ', and without the other words' : '';
  const [these, have, are] = total === 1 ? ['this result', 'has', 'is'] : ['these results', 'have', 'are'];
  const order = sort === 'date' ? ', the newest first' : ', the closest first';
  const closest = total === 1 ? '; the words marked are the longest part it has word for word' : `${order}; the words marked are the longest part each has word for word`;
  if (near && passage) return `No article has these words as pasted: ${these} ${have} most of them in the same order${closest}.`;
  if (near) return `No article has the quotation word for word${words}, nor half of it: ${these} ${have} most of it in the same order${closest}${alsoWithout}.`;
  if (part && passage) return `No article has all these words: ${these} ${have} part of them word for word, ${quoted(part.split(' '))}.`;
  if (part) return `No article has the quotation word for word${words}: ${these} ${have} part of it, ${quoted(part.split(' '))}${alsoWithout}.`;
  if (wordsOnly) return `No article has the quotation word for word${words}: ${these} ${have} its words, though not as one passage${alsoWithout}.`;
  if (withoutEdges) return `No article has the quotation whole${words}: ${these} ${have} it without its first and last words, which a copied selection can cut short${alsoWithout}.`;
  return `No article has the quotation${words}: ${these} ${are} for the quotation alone.`;
}

function describe(o: SearchOutcome): string {
  const filtered = Object.values(state.selected).some((v) => v.length > 0);
  // The query as typed: its own quote marks kept, or set in quotation marks when it has none; a pasted page shortened.
  const typed = state.q.trim();
  const words = typed.split(/\s+/);
  const what = !typed ? 'for the chosen filters' : words.length > ECHOED_WORDS ? `for ${quoted(words)}` : /["“”]/.test(typed) ? `for ${typed}` : `for “${typed}”`;
  if (o.empty) return 'Type a word or a phrase, or paste a quote, to search the collection.';
  if (o.total === 0) {
    return `No results ${what}.${filtered ? ' Try removing a filter.' : o.query.phrases.length ? ' Try fewer words, or without quotes.' : ''}`;
  }
  return `${countOf(o.total, 'result')} ${what}${filtered ? ', filtered' : ''}.`;
}

// --- People, organisations and topics: their own results when the query names them (lib/entity-search).
/**
 * A list the site publishes as JSON. A file the server does not have is an empty list, and kept as one; a file that did
 * not arrive fails, so that it is not remembered (lib/remembered), and its caller goes on without it this time.
 */
const readList = <T extends readonly unknown[]>(url: string): Promise<T> => fetchInTime(url).then((r) => (r.ok ? (r.json() as Promise<T>) : ([] as unknown as T)));

const entityShards = rememberedByKey<string, EntityEntry[]>();
const entityShard = (shard: string): Promise<EntityEntry[]> => entityShards(shard, () => readList<EntityEntry[]>(entityShardUrl(shard))).catch(() => []);
async function entitiesNamedIn(query: string): Promise<EntityEntry[]> {
  const shards = await Promise.all(queryShards(query).map(entityShard));
  return namedEntities(query, shards.flat());
}

const KIND_LABELS: Record<EntityEntry['kind'], string> = { person: 'Person', organisation: 'Organisation', topic: 'Topic' };
function showEntities(entries: EntityEntry[]) {
  entitiesBox.hidden = entries.length === 0;
  entityList.replaceChildren(
    ...entries.map((entry) => {
      const item = document.createElement('li');
      item.className = 'search-entity';
      const link = document.createElement('a');
      link.href = entry.href;
      link.textContent = entry.name;
      const kind = document.createElement('span');
      kind.className = 'search-entity__kind';
      kind.textContent = `${KIND_LABELS[entry.kind]}: `;
      item.append(kind, link);
      if (entry.note) item.append(`, ${entry.note}`);
      if (entry.kind === 'person' && entry.count > 0) {
        const words = document.createElement('a');
        words.href = searchUrl({ person: entry.name });
        words.textContent = `their words (${countOf(entry.count, 'quotation')})`;
        item.append(' · ', words);
      }
      return item;
    }),
  );
}

// --- A person alone (?person=Name, no words): their quotations, then what they wrote, then where they are named.
const personOnly = (s: State) => !s.q.trim() && Object.keys(s.selected).length === 1 && s.selected.person?.length === 1;

async function personWords(name: string): Promise<{ id: string; words: PersonWords } | undefined> {
  const entry = (await entitiesNamedIn(name)).find((e) => e.kind === 'person' && e.name === name);
  if (!entry) return undefined;
  const response = await fetchInTime(personWordsUrl(entry.id)).catch(() => undefined);
  return response?.ok ? { id: entry.id, words: (await response.json()) as PersonWords } : undefined;
}

/** The person whose search is shown, while it has pages still to load ("Show more"). */
let personMore: { id: string; name: string; next: number; pages: number; said: string } | undefined;

function personItem(kind: string, facts: { title: string; href: string; publisher?: string | undefined; date?: string | undefined }, words?: { text: string; who?: string }): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const label = document.createElement('p');
  label.className = 'search-result__meta';
  label.textContent = kind;
  item.append(label);
  if (words) {
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result__excerpt';
    const mark = document.createElement('mark');
    mark.textContent = words.text;
    excerpt.append(words.who ? mark : words.text);
    item.append(excerpt);
    if (words.who) {
      const who = document.createElement('p');
      who.className = 'search-result__who';
      who.textContent = words.who;
      item.append(who);
    }
  }
  item.append(...articleLines(facts));
  return item;
}

function personLine(item: PersonItem, name: string): HTMLLIElement {
  if (item.kind === 'quotation') return personItem('Quotation', item, { text: item.text, who: `${name}${item.role ? `, ${item.role}` : ''}` });
  if (item.kind === 'wrote') return personItem(`Written by ${name}`, item);
  return personItem(`Names ${name}`, item, { text: item.text });
}

function showPerson(id: string, words: PersonWords) {
  const items = words.items.map((item) => personLine(item, words.name));
  list.replaceChildren(...items);
  shown = items.length;
  const { quotations, wrote, named } = words.counts;
  const said = `${words.name}: ${countOf(quotations, 'quotation')}, ${countOf(wrote, 'article written', 'articles written')}, ${countOf(named, 'article that names them', 'articles that name them')}.`;
  status.textContent = said;
  personMore = words.pages > 1 ? { id, name: words.name, next: 2, pages: words.pages, said } : undefined;
  more.hidden = !personMore;
}

/** The next page of a person's search, added below the lines shown, focus on the first it added. */
async function showMorePerson(person: NonNullable<typeof personMore>) {
  more.disabled = true;
  try {
    const response = await fetchInTime(personWordsPageUrl(person.id, person.next));
    if (!response.ok) throw new Error(`${response.status}`);
    const items = ((await response.json()) as PersonItem[]).map((item) => personLine(item, person.name));
    if (person !== personMore) return;
    list.append(...items);
    shown += items.length;
    status.textContent = person.said;
    person.next += 1;
    if (person.next > person.pages) personMore = undefined;
    more.hidden = !personMore;
    items[0]?.querySelector('a')?.focus();
  } catch {
    if (person === personMore) status.textContent = `${person.said} ${NOT_LOADED} More results could not be loaded: try again.`;
  } finally {
    more.disabled = false;
  }
}

const NOT_LOADED = 'Part of the search index did not load: check the connection.';

// --- An address of this site pasted into the box (a permalink shared with the reader): the page it names, not its words.
/** This site's origins: where the page is served, and the published address its canonical link gives. */
const siteOrigins = [location.origin, ...[document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href].filter((h) => h !== undefined).map((h) => new URL(h).origin)];
const ENTRY_LABELS: Record<Route['kind'], string> = { articles: 'an article', people: 'a person', organisations: 'an organisation', topics: 'a topic' };

async function showAddress({ route, href }: { route: Route; href: string }, mine: number) {
  status.textContent = 'Opening the page at that address…';
  const response = await fetchInTime(href.split(/[?#]/)[0]!).catch(() => undefined);
  const html = response?.ok ? await response.text().catch(() => undefined) : undefined;
  if (mine !== generation) return;
  list.replaceChildren();
  shown = 0;
  more.hidden = true;
  entitiesBox.hidden = true;
  if (!response || (response.ok && html === undefined)) {
    status.textContent = 'That is the address of a page of this site, which did not load: check the connection, and search again.';
    return;
  }
  if (html === undefined) {
    status.textContent = 'That is the address of a page of this site, but no page is there now. Search for the words it held instead.';
    return;
  }
  // Parsed, never run: the page's own text is shown, as text.
  const page = new DOMParser().parseFromString(html, 'text/html');
  const title = page.querySelector('h1')?.textContent?.trim() || page.title;
  let what = ENTRY_LABELS[route.kind];
  let words: string | undefined;
  let missing = false;
  if (route.kind === 'articles' && route.block) {
    // An id edited away is kept as an empty anchor naming its successor (rehype-moved-anchors).
    const named = page.getElementById(route.block);
    const block = named?.dataset.movedTo ? page.getElementById(named.dataset.movedTo) : named;
    if (block) {
      const text = block.cloneNode(true) as HTMLElement;
      // The page's notes on a block (where it is quoted, its permalink) are not its words.
      text.querySelectorAll('[data-pagefind-ignore], .block-link').forEach((e) => e.remove());
      words = (text.textContent ?? '').replace(/\s+/g, ' ').trim();
      what = /^H[1-6]$/.test(block.tagName) ? 'a section of an article' : 'a paragraph of an article';
    } else {
      missing = true;
    }
  }
  const item = document.createElement('li');
  item.className = 'search-result';
  if (words) {
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result__excerpt';
    excerpt.textContent = words.length > 400 ? `${words.slice(0, 400).replace(/\s+\S*$/, '')} …` : words;
    item.append(excerpt);
  }
  // An article's publisher and date as its search results give them (components/SearchMeta), inferences marked.
  const meta = (name: string) => page.querySelector<HTMLMetaElement>(`meta[name="search:${name}"]`)?.content || undefined;
  const facts = resultFacts({ organisation: meta('organisation'), date: meta('date'), inferred: meta('inferred') });
  item.append(...(route.kind === 'articles' ? articleLines({ title, href, publisher: facts.organisation, date: facts.date }) : [resultHeading(title, href)]));
  list.replaceChildren(item);
  shown = 1;
  status.textContent = `That is the address of ${what} on this site, shown below rather than searched for.${missing ? ' The part of the article it names is not on the page now.' : ''}`;
}

const SEARCHING = 'Searching…';
const STILL_SEARCHING = 'Still searching: the site is slow to answer.';

let generation = 0;
async function run() {
  const mine = ++generation;
  // "Show more" belongs to what this search shows, not to a person's search shown before it.
  personMore = undefined;
  const shared = siteSearchIn(state.q, siteOrigins);
  if (shared !== undefined) {
    // A search's address, shared and pasted: that search, as if its link had been followed.
    history.replaceState(null, '', `${location.pathname}${shared}`);
    state = readUrl();
    syncForm();
    return run();
  }
  const address = Object.keys(state.selected).length === 0 ? siteRouteIn(state.q, siteOrigins) : undefined;
  if (address) return showAddress(address, mine);
  const named = entitiesNamedIn(state.q);
  const person = personOnly(state) ? personWords(state.selected.person![0]!) : undefined;
  status.textContent = state.q || Object.keys(state.selected).length ? SEARCHING : status.textContent;
  // A search still waiting after a while says why, rather than "Searching…" with no end in sight.
  window.setTimeout(() => {
    if (mine === generation && status.textContent === SEARCHING) status.textContent = STILL_SEARCHING;
  }, SLOW_SEARCH_MS);
  // The results first; the filter counts after, so a first search loads only what it shows.
  const replaced = indexReplaced();
  const searchNow = async () => runSearch(lazyPagefind, state.q, { selected: state.selected, sort: state.sort, synonyms: await synonyms(), counts: false, phrases });
  pagefindSearched = false;
  const searching = searchNow();
  // Handled at once, so that a failure before the check below has answered is no "uncaught" error: awaited below, it still throws.
  searching.catch(() => undefined);
  // A new index: what this search found in the old one, or how it failed, no longer matters.
  if (await replaced) return loadAgain();
  let result: SearchOutcome;
  try {
    result = await searching;
    // Pagefind takes an index file that did not arrive for words no article has: "No results" is not said while the
    // site cannot be reached, or a file the search needed does not load; when one loads only now, the search runs again.
    // An index in shards whose one shard's file did not arrive only finds fewer: what Pagefind searched is checked then
    // whatever it found (the files it loaded are in the browser's cache, so checking them asks the site for nothing).
    const sharded = pagefindSearched && (await shardList().then((list) => list.shards.length > 1, () => false));
    if (!result.empty && (result.total === 0 || sharded)) {
      if (result.total === 0 && (await unreachable())) throw new Error('The site cannot be reached.');
      // The words Pagefind searched as typed, as many as "no article has…" checks (a pasted page would ask for most
      // chunks), and the words it looked up one by one for that note, wherever they stood.
      const files = await indexFiles({ words: [...new Set([...queryWords(state.q).slice(0, CHECKED_WORDS), ...(result.checked ?? [])])] });
      if (files === 'missing') throw new Error('Part of the index did not load.');
      if (files === 'loaded') result = await searchNow();
    }
  } catch {
    // A file of the index that did not arrive (the connection dropped, a proxy refused it, or it stalled until
    // SEARCH_WAIT_MS): said, never "Searching…" for ever. The next search asks afresh for whatever is still on its way.
    forgetUnanswered();
    if (mine !== generation) return;
    list.replaceChildren();
    shown = 0;
    more.hidden = true;
    status.textContent = `The search could not be finished. ${NOT_LOADED} Search again.`;
    return;
  }
  const updated = reloadedForNewIndex;
  reloadedForNewIndex = false;
  if (mine !== generation) return;
  outcome = result;
  outcomeMadeAfter = pagefindGivenUp;
  const words = await person;
  if (mine !== generation) return;
  if (words) {
    showPerson(words.id, words.words);
  } else {
    list.replaceChildren();
    shown = 0;
    show(result.results, false);
    status.textContent = describe(result);
    if (queryCut) status.append(` What was pasted is longer than a search's address can hold: its first ${state.q.split(' ').length} words were searched.`);
    if (updated) status.append(' The collection was updated while this page was open; these results are from the new version.');
    if (result.alternatives.length > 0) status.append(` Including ${result.alternatives.map((a) => `“${a}”`).join(', ')}.`);
    if (result.leftOut?.length) status.append(` Leaving out articles that have ${result.leftOut.map((w) => `“${w}”`).join(' or ')}.`);
    if (result.relaxed) status.append(` ${relaxedNote(result.relaxed, result.total, state.sort)}`);
    if (result.unmatched.length > 0) void sayUnmatched(result, mine);
  }
  void named.then((entries) => {
    if (mine === generation) showEntities(entries);
  });
  try {
    const building = ensureFilters();
    const begunBy = filtersBegunBy;
    await building.catch(() => {
      // Begun by an earlier search, the build may have failed on files that load by now: this search's own is worth a try.
      if (begunBy < mine) return ensureFilters();
      throw new Error('The filters were not built.');
    });
  } catch {
    // Not built this time (above): the results stand, and the next search builds the filters.
    return;
  }
  const counted = await result.countFilters().catch(() => undefined);
  if (mine !== generation) return;
  if (!counted) {
    // The files the counts need did not arrive (or were given up: lib/deadline): no counts rather than the last search's.
    for (const count of countLabels.values()) count.textContent = '';
    for (const box of boxes.values()) box.disabled = false;
    return;
  }
  const { counts, countsPartial } = counted;
  for (const [k, count] of countLabels) {
    const [facet, value] = k.split('\u0000') as [string, string];
    const n = counts[facet]?.[value] ?? 0;
    const inferred = facet === 'year' ? (counts[INFERRED_YEAR]?.[value] ?? 0) : 0;
    count.textContent = inferred > 0 ? `(${n.toLocaleString('en-GB')}, ${inferred.toLocaleString('en-GB')} inferred)` : `(${n.toLocaleString('en-GB')})`;
    const box = boxes.get(k)!;
    box.disabled = n === 0 && !box.checked;
  }
  for (const [facet, long] of longFacets) {
    long.counts = counts[facet] ?? {};
    arrangeFacet(facet, long);
  }
  if (countsPartial && !result.empty && result.total > 0) status.append(` Filter counts cover the first ${EXACT_COUNTS} results.`);
}

// --- Synonyms: a few groups of terms, fetched once with the first query.
const synonymGroups = remembered(() => readList<string[][]>(synonymsUrl));
const synonyms = (): Promise<string[][]> => synonymGroups().catch(() => []);

// --- Words no article has: said, with "Did you mean" from the collection's own words.
const vocabularies = rememberedByKey<string, Vocabulary>();
const vocabulary = (shard: string): Promise<Vocabulary> => vocabularies(shard, () => readList<Vocabulary>(vocabularyUrl(shard))).catch(() => []);

/** The most words a corrected query is offered in whole ("Did you mean “heroic individual”?"); a longer one by its corrected words. */
const SAID_WHOLE = 6;

async function sayUnmatched(result: SearchOutcome, mine: number) {
  const named = result.unmatched.map((w) => `“${w}”`).join(', ');
  const rest = result.total > 0 ? ': these results are for the other words' : '';
  const note = `No article has the word${result.unmatched.length > 1 ? 's' : ''} ${named}${rest}.`;
  const corrections = new Map<string, string>();
  for (const word of result.unmatched) {
    const better = suggest(word, await vocabulary(shardOf(word)));
    if (better) corrections.set(word, better);
  }
  if (mine !== generation) return;
  // "No results for “xylophone”" already says it of a query of one word.
  const redundant = result.total === 0 && queryWords(state.q).every((w) => result.unmatched.includes(w));
  if (!redundant) status.append(` ${note}`);
  if (corrections.size === 0) return;
  const corrected = correctedQuery(state.q, corrections);
  const link = document.createElement('a');
  link.href = `${location.pathname}?${new URLSearchParams({ q: corrected })}`;
  // A pasted passage is already on the line once: the link names the words meant, and searches the passage with them.
  link.textContent = queryWords(state.q).length > SAID_WHOLE ? [...corrections.values()].map((w) => `“${w}”`).join(', ') : corrected;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    state = { ...state, q: corrected };
    writeUrl(state, true);
    syncForm();
    void run();
  });
  status.append(' Did you mean ', link, '?');
}

// --- Events.
let typing: number | undefined;
input.addEventListener('input', () => {
  window.clearTimeout(typing);
  typing = window.setTimeout(() => {
    state = { ...state, q: queryFromBox() };
    writeUrl(state, false);
    void run();
  }, 200);
});
joinBrokenWordsOnPaste(input);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  window.clearTimeout(typing);
  state = { ...state, q: queryFromBox() };
  writeUrl(state, true);
  void run();
});
sortSelect.addEventListener('change', () => {
  state = { ...state, sort: sortSelect.value === 'date' ? 'date' : 'relevance' };
  writeUrl(state, true);
  void run();
});
more.addEventListener('click', () => void showMore());
window.addEventListener('popstate', () => {
  state = readUrl();
  syncForm();
  void run();
});

// Arrow keys move between the search box and the results; Enter opens one.
form.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...list.querySelectorAll<HTMLAnchorElement>('.search-result__title a')];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (document.activeElement === input && event.key === 'ArrowDown' && links[0]) {
    event.preventDefault();
    links[0].focus();
  } else if (at >= 0) {
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? links[at + 1] : at === 0 ? input : links[at - 1];
    next?.focus();
  }
});

// On a narrow screen the filters start folded away, unless the URL has chosen some.
const filtersDisclosure = document.getElementById('search-filters-box') as HTMLDetailsElement;
if (!matchMedia('(min-width: 50rem)').matches && !Object.values(state.selected).some((v) => v.length > 0)) filtersDisclosure.open = false;

// An empty search page has no results to put first: its filters load at once.
if (!state.q && Object.keys(state.selected).length === 0) void ensureFilters();
// After a reload for a new index (above), the reader was searching: back to the search box.
if (!state.q || reloadedForNewIndex) input.focus();
void run();
