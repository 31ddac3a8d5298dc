/**
 * Every public URL of the site, and its inverse. URLs are the product's
 * promise (`/articles/<slug>/#<block-id>`, `/search/?q=…`), so no other module
 * writes a URL pattern: it asks here. Pure, shared by the build and the
 * browser scripts.
 */

/** The kinds of entry that have a page of their own, as they appear in the path. */
export type EntityKind = 'articles' | 'people' | 'organisations' | 'topics';

/** Fixed pages. */
export const pages = {
  home: '/',
  articles: '/articles/',
  people: '/people/',
  organisations: '/organisations/',
  topics: '/topics/',
  quotes: '/quotes/',
  timeline: '/timeline/',
  glossary: '/glossary/',
  about: '/about/',
  search: '/search/',
  feed: '/feed.xml',
  atomFeed: '/feed.atom',
  printCss: '/print.css',
  favicon: '/favicon.svg',
} as const;

/** The collection as data (/data/<file>): every article and quotation, as JSON and CSV, with a JSON Schema of each. */
export const DATA_FILES = ['articles.json', 'articles.csv', 'articles.schema.json', 'quotations.json', 'quotations.csv', 'quotations.schema.json'] as const;
export type DataFile = (typeof DATA_FILES)[number];
export const dataUrl = (file: DataFile) => `/data/${file}`;

/** The synonym groups search applies (content/synonyms.yaml). */
export const synonymsUrl = '/search/synonyms.json';

/** Every article's slug and title, for the 404 page to offer the nearest to a mistyped address (lib/not-found): fetched only there. */
export const articleAddressesUrl = '/search/articles.json';

/** A shard of the search vocabulary, for "Did you mean" (lib/did-you-mean). */
export const vocabularyUrl = (shard: string) => `/search/vocabulary/${shard}.json`;
/** People, organisations and topics by a first letter of their names (lib/entity-search). */
export const entityShardUrl = (shard: string) => `/search/entities/${shard}.json`;
/** What a search for one person alone lists: its first page with the counts, then page n (from 2) of the rest (lib/entity-search personPages). */
export const personWordsUrl = (id: string) => `/search/people/${id}.json`;
export const personWordsPageUrl = (id: string, n: number) => `/search/people/${id}/${n}.json`;
/** The index of pairs of adjacent words, for exact phrases (lib/phrase-index): its manifest, its buckets, its lists of pages. */
export const phraseIndexUrl = '/search/phrases/index.json';
export const phraseBucketUrl = (n: number) => `/search/phrases/${n}.bin`;
export const phrasePagesUrl = (n: number) => `/search/phrases/pages-${n}.json`;
/**
 * Pagefind's bundle: its folder, its script, its entry file (which names the
 * index by a hash), and the fragment (text and metadata) of one indexed page.
 * A collection indexed in shards (lib/search-shards) has one bundle a shard,
 * each in a folder of Pagefind's (`folder`, "" for the first); the index of
 * adjacent words names a fragment with its shard's folder ("shard-1/en_…").
 */
export const pagefindFolderUrl = '/pagefind/';
export const pagefindScriptUrl = `${pagefindFolderUrl}pagefind.js`;
export const pagefindShardUrl = (folder: string) => `${pagefindFolderUrl}${folder}`;
export const pagefindEntryUrl = `${pagefindFolderUrl}pagefind-entry.json`;
export const pagefindFragmentUrl = (name: string) => `${pagefindFolderUrl}${name.slice(0, name.lastIndexOf('/') + 1)}fragment/${name.slice(name.lastIndexOf('/') + 1)}.pf_fragment`;
/** Pagefind's other files named by hash: a language's metadata (lib/search-index-files, metaFileName), a word chunk, a filter chunk; each in a shard's folder. */
export const pagefindMetaUrl = (file: string, folder = '') => `${pagefindFolderUrl}${folder}${file}`;
export const pagefindChunkUrl = (name: string, folder = '') => `${pagefindFolderUrl}${folder}index/${name}.pf_index`;
export const pagefindFilterUrl = (name: string, folder = '') => `${pagefindFolderUrl}${folder}filter/${name}.pf_filter`;
/** The shards of the search index, and the hash each one's index has (lib/search-shards, ShardsManifest): what the search page reads first. */
export const searchShardsUrl = '/search/shards.json';

/** The list of all articles (pages.articles) shows this many a page, newest first. */
export const ARTICLES_PAGE_SIZE = 100;
/** Page n of the list of all articles: "/articles/" for the first, "/articles/page/2/" and on after it. */
export const articlesPageUrl = (n: number) => (n <= 1 ? pages.articles : `${pages.articles}page/${n}/`);

/** The quotes page (pages.quotes) shows this many quotations a page, by speaker. */
export const QUOTES_PAGE_SIZE = 100;
/** Page n of the quotes: "/quotes/" for the first, "/quotes/page/2/" and on after it. */
export const quotesPageUrl = (n: number) => (n <= 1 ? pages.quotes : `${pages.quotes}page/${n}/`);

/** A speaker's quotations on the quotes' pages: "speaker-<key>", or "speaker-not-stated" for quotations of no stated speaker. */
export const quotesSpeakerAnchor = (speaker: string | null) => (speaker ? `speaker-${speaker}` : 'speaker-not-stated');
/**
 * Where each speaker's quotations start ({ anchor: page }), for the script
 * that sends an address of the quotes' first page, shared before the quotes
 * ran on, to the page its speaker is on now (browser/quotes-fragment).
 */
export const quotesSpeakersUrl = `${pages.quotes}speakers.json`;

/** The timeline (pages.timeline) shows this many entries a page, oldest first, by year. */
export const TIMELINE_PAGE_SIZE = 100;
/** Page n of the timeline: "/timeline/" for the first, "/timeline/page/2/" and on after it. */
export const timelinePageUrl = (n: number) => (n <= 1 ? pages.timeline : `${pages.timeline}page/${n}/`);

/** A year on the timeline's pages: "year-2017", or "undated" for the articles with no date. */
export const timelineYearAnchor = (year: number | 'undated') => (year === 'undated' ? 'undated' : `year-${year}`);
/** Where each year starts ({ anchor: page }), for the script that sends an address of a year not on its page to it (browser/timeline-fragment). */
export const timelineYearsUrl = `${pages.timeline}years.json`;

/** The lists of people and of organisations (pages.people, pages.organisations) show this many names a page, A to Z. */
export const NAMES_PAGE_SIZE = 100;
/** Page n of the list of people or of organisations: "/people/" for the first, "/people/page/2/" and on after it. */
export const namesPageUrl = (kind: 'people' | 'organisations', n: number) => (n <= 1 ? pages[kind] : `${pages[kind]}page/${n}/`);
/** Where each letter starts ({ anchor: page }), for the script that sends an address of a letter not on its page to it (browser/letters-fragment). */
export const namesLettersUrl = (kind: 'people' | 'organisations') => `${pages[kind]}letters.json`;

/** A letter's heading on a list by initial letter (lib/text initialLetter): "letter-a", or "letter-other" for "#". */
export const letterAnchor = (letter: string) => `letter-${letter === '#' ? 'other' : letter.toLowerCase()}`;

/** The glossary (pages.glossary) shows this many terms a page, A to Z, then those the texts never abbreviate. */
export const GLOSSARY_PAGE_SIZE = 100;
/** Page n of the glossary: "/glossary/" for the first, "/glossary/page/2/" and on after it. */
export const glossaryPageUrl = (n: number) => (n <= 1 ? pages.glossary : `${pages.glossary}page/${n}/`);
/** A term's entry in the glossary: "term-a-and-e" for "A&E". */
export const glossaryTermAnchor = (term: string) => `term-${term.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-')}`;
/**
 * The page each term stands on ({ anchor: page }), for the script that sends
 * an address of the glossary's first page, shared before the glossary ran
 * on, to the page its term is on now (browser/glossary-fragment).
 */
export const glossaryTermsUrl = `${pages.glossary}terms.json`;

/** The home page lists the newest this many articles, then links to all of them (pages.articles). */
export const HOME_SIZE = 10;

/** The feed (pages.feed) carries the newest this many articles: a reader's feed, not an archive of thousands. */
export const FEED_SIZE = 50;

export const entityUrl = (kind: EntityKind, id: string) => `/${kind}/${id}/`;
export const articleUrl = (slug: string) => entityUrl('articles', slug);
/** Astro's pattern of the route that writes the article pages (src/pages/articles/[slug].astro), as a build names it to the code that runs before each page. */
export const articleRoute = '/articles/[slug]';
export const personUrl = (id: string) => entityUrl('people', id);
export const organisationUrl = (id: string) => entityUrl('organisations', id);
export const topicUrl = (id: string) => entityUrl('topics', id);

/** Where the article pages are, as a glob under the site folder: the only pages the search index reads. */
export const articlePagesGlob = () => `${articleUrl('*').slice(1)}index.html`;

/** The folder of the article pages in the site, and the name of each page's file in its own folder there. */
export const articlePagesFolder = () => articlePagesGlob().split('/*/') as [folder: string, file: string];

/** An article's link-preview card (og:image), drawn at build time. */
export const articleCardUrl = (slug: string) => `${articleUrl(slug)}card.png`;
/** A heading or paragraph of an article: the permalink readers share. */
export const blockUrl = (slug: string, block: string) => `${articleUrl(slug)}#${block}`;

export const CITATION_FORMATS = ['bib', 'ris', 'json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];
/** The file name of a citation file, e.g. "citation.bib". */
export const citationFileName = (format: CitationFormat) => `citation.${format}`;
export const citationFileUrl = (slug: string, format: CitationFormat) => `${articleUrl(slug)}${citationFileName(format)}`;

/** The raw capture an article was transcribed from. */
export const sourceUrl = (capture: string) => `/sources/${capture}`;

/**
 * The address under which `astro dev` answers for a capture's public address
 * (a path, with any query), or undefined for any other address. With
 * trailingSlash 'always', the dev server matches the sources route, whose
 * pattern has no file extension, only with a slash at the end; the built
 * site has each capture as a file at `sourceUrl` itself.
 */
export function sourceUrlInDev(address: string): string | undefined {
  const match = /^\/sources\/([^/?#]+)(\?.*)?$/.exec(address);
  return match ? `${sourceUrl(match[1]!)}/${match[2] ?? ''}` : undefined;
}

/** The search page with its state in the query string; a filter may repeat. */
export function searchUrl(state: { q?: string | undefined; [filter: string]: string | string[] | undefined } = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== '') params.append(key, v);
  }
  const query = params.toString();
  return query ? `${pages.search}?${query}` : pages.search;
}

/**
 * The most characters a search's words may take in its address, encoded as
 * searchUrl encodes them. Hosts refuse longer addresses (scripts/static-host
 * at 4,096 characters, common CDNs and servers at about 8,000), and the
 * filters must fit beside the words.
 */
export const SEARCH_TEXT_MOST = 2000;

/**
 * The most characters the header's search box takes before its script has
 * loaded (its maxlength): any text that long fits SEARCH_TEXT_MOST once
 * encoded, as no character takes more than nine ("“" is %E2%80%9C). A
 * passage pasted in the first moments of a page, or with scripts off, is
 * cut by the browser rather than sent whole to a host that refuses it; the
 * script lifts the limit and cuts at whole words itself (fitSearchText).
 */
export const SEARCH_BOX_MOST = Math.floor(SEARCH_TEXT_MOST / 9);

/**
 * The key under which a search box that cut a pasted passage to fit (the header's, on every page) leaves the words it
 * kept in the tab's session storage, so that the search page, opened with them, says they were cut.
 */
export const SEARCH_CUT_KEY = 'policy-reader:search-cut';

/**
 * A search's words cut to fit SEARCH_TEXT_MOST in its address: whole words,
 * as many as fit (one word longer than that, cut within), joined by single
 * spaces; `cut` when some were left out. A pasted page or chapter would
 * otherwise make an address no host serves, so the search could not be
 * shared or reloaded.
 */
export function fitSearchText(text: string): { text: string; cut: boolean } {
  const size = (t: string) => new URLSearchParams({ q: t }).toString().length - 2;
  if (size(text) <= SEARCH_TEXT_MOST) return { text, cut: false };
  const words = text.trim().split(/\s+/);
  const kept: string[] = [];
  // A space is one character ("+"), and each character is encoded on its own, so the sizes add up.
  let used = -1;
  for (const word of words) {
    const cost = size(word) + 1;
    if (used + cost > SEARCH_TEXT_MOST) break;
    kept.push(word);
    used += cost;
  }
  if (kept.length > 0) return { text: kept.join(' '), cut: true };
  let first = '';
  used = 0;
  for (const char of words[0]!) {
    if (used + size(char) > SEARCH_TEXT_MOST) break;
    first += char;
    used += size(char);
  }
  return { text: first, cut: true };
}

export type Route =
  | { kind: 'articles'; id: string; block?: string | undefined }
  | { kind: Exclude<EntityKind, 'articles'>; id: string };

const ENTITY_PATH = /^\/(articles|people|organisations|topics)\/([^/#?]+)\/?(?:\?[^#]*)?(?:#(.*))?$/;

/**
 * The entry a site path points at, or undefined for any other path: the
 * inverse of the builders above, for link checks and search results.
 */
export function parseRoute(href: string): Route | undefined {
  const match = ENTITY_PATH.exec(href);
  if (!match) return undefined;
  const [, kind, id, fragment] = match as unknown as [string, EntityKind, string, string | undefined];
  if (kind === 'articles') return { kind, id, block: fragment ? fragment.split(':~:')[0] || undefined : undefined };
  return { kind, id };
}

/** The text as an address on one of `origins`, if it is one http(s) address and nothing else. */
function siteUrlIn(text: string, origins: readonly string[]): URL | undefined {
  const trimmed = text.trim();
  if (!/^https?:\/\/\S+$/i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return origins.includes(url.origin) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When a reader pastes the address of one of this site's entries (a permalink
 * to a paragraph, an article, a person…) into the search box: the entry, and
 * its path on this site (query and fragment kept, a text fragment's part
 * dropped), if the text is one http(s) address on one of `origins`; else
 * undefined.
 */
export function siteRouteIn(text: string, origins: readonly string[]): { route: Route; href: string } | undefined {
  const url = siteUrlIn(text, origins);
  if (!url) return undefined;
  const hash = url.hash.split(':~:')[0]!;
  const href = `${url.pathname}${url.search}${hash === '#' ? '' : hash}`;
  const route = parseRoute(href);
  return route && { route, href };
}

/** When the text pasted is the address of a search on this site (a search shared): its query string ("?q=…"), else undefined. */
export function siteSearchIn(text: string, origins: readonly string[]): string | undefined {
  const url = siteUrlIn(text, origins);
  return url && url.pathname === pages.search ? url.search : undefined;
}

/** The site path of a URL whatever origin or prefix stands before it ("https://x/articles/a/" → "/articles/a/"). */
export function articlePath(url: string): string {
  const at = url.indexOf(pages.articles);
  return at >= 0 ? url.slice(at) : url;
}

/**
 * Whether a link or image address written in content may be published: a
 * path on this site, a fragment, or an http(s) or mailto address. Anything
 * else (javascript:, data:, vbscript:, file:…) could run or embed something
 * the source never had.
 */
export function isSafeAddress(address: string): boolean {
  // Browsers ignore leading control characters and white space, and tabs or newlines inside a scheme.
  const cleaned = address.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto';
}
