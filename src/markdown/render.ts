import type { MarkdownHeading } from '@astrojs/markdown-remark';
import type { Root as HastRoot } from 'hast';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { GlossaryTerm } from '../content-files/names';
import type { ArticleRecord, BlockRecord, QuoteRecord } from '../lib/article-record';
import { namesChanged, type Nameable } from '../lib/mentions';
import { movedIdsBySlug, type PermalinkRegister } from '../lib/permalink-register';
import { quotedNotes, quotedNotesAgain, type ArticleNotes } from '../lib/quotations';
import type { QuotedFromMemo } from '../lib/quoted-from';
import type { EntityKind } from '../lib/routes';
import rehypeAbbreviations from './rehype-abbreviations';
import rehypeBlockIds from './rehype-block-ids';
import rehypeBlockLinks from './rehype-block-links';
import rehypeCheckInternalLinks from './rehype-check-internal-links';
import rehypeCollectBlocks from './rehype-collect-blocks';
import rehypeHeadingList from './rehype-heading-list';
import rehypeMentions from './rehype-mentions';
import rehypeMovedAnchors from './rehype-moved-anchors';
import rehypeQuotedFrom from './rehype-quoted-from';
import rehypeQuotationSpeakers from './rehype-quotation-speakers';
import rehypeRawIfAny from './rehype-raw-if-any';
import remarkParseGfm, { readByMicromark } from './remark-parse-gfm';
import remarkPullQuotes from './remark-pull-quotes';
import remarkQuotes from './remark-quotes';
import remarkRejectRawHtml from './remark-reject-raw-html';
import remarkRejectUnknownDirectives from './remark-reject-unknown-directives';
import remarkSourceNotes from './remark-source-notes';

/**
 * Renders a whole collection of articles, each parsed and rendered once, in
 * two stages over the same tree:
 *
 * 1. per article: Markdown → HTML tree, every block given its id, and the
 *    article's record (blocks, quotes) collected;
 * 2. once, across the collection: quoted-from notes from all the records;
 * 3. per article: what needs the collection (moved anchors, mentions,
 *    abbreviations, quoted-from notes), the reader's controls, link checks,
 *    then HTML.
 *
 * The stages mirror @astrojs/markdown-remark's processor (GFM on, no
 * smartypants, raw HTML parsed last, Astro's heading collector) so the output
 * is what Astro's own Markdown rendering gave.
 */

/** What the plugins need to know about the collection, read once from the content files and passed in. */
export interface PipelineInputs {
  /** Person id → name. */
  people: ReadonlyMap<string, string>;
  /** Organisation id → name: an organisation's statement has it as its speaker. */
  organisations: ReadonlyMap<string, string>;
  /** People and organisations by every name they go by, for mention links. */
  names: Nameable[];
  terms: GlossaryTerm[];
  /** Ids of the entries that have pages, for link checks. */
  entries: Readonly<Record<EntityKind, ReadonlySet<string>>>;
  register: PermalinkRegister;
  /** A speaker as a quotation shows them in an article: name and role at the article's date. */
  speaker: (id: string, slug: string) => string;
}

export interface ArticleSource {
  slug: string;
  /** Relative path, for messages and the record. */
  file: string;
  title: string;
  /** The Markdown body; positions in it are lines of the file. */
  body: string;
  /** Its date, stated or inferred (ISO, as precise as known): quoted words' direction follows the dates. */
  date?: string | undefined;
}

export interface RenderedArticle {
  html: string;
  headings: MarkdownHeading[];
  record: ArticleRecord;
  /**
   * With a cache, digests of the record and of the HTML, made once when
   * either is made and kept with it, so that a file of either can be named
   * by its content without reading it again: an article rendered again to
   * the same HTML (after a person is added, whom it does not name) keeps its
   * file's name, and its page can be copied (data/page-reuse).
   */
  keys?: { record: string; html: string };
}

/** Stage 1: Markdown to an HTML tree with block ids, recording blocks and quotes. */
export function blockStage(inputs: Pick<PipelineInputs, 'people' | 'organisations'>) {
  return unified()
    .use(remarkParseGfm, { directives: true })
    .use(remarkRejectRawHtml)
    .use(remarkPullQuotes, { people: inputs.people, organisations: inputs.organisations })
    .use(remarkQuotes, { people: inputs.people, organisations: inputs.organisations })
    .use(remarkSourceNotes)
    .use(remarkRejectUnknownDirectives)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [] })
    .use(rehypeSlug)
    .use(rehypeBlockIds)
    .use(rehypeCollectBlocks);
}

/** What stage 3 knows of the rest of the collection: the quoted-from notes (lib/quotations) of the articles it renders, and the titles they link. */
export interface QuotedCollection {
  notes: ReadonlyMap<string, ArticleNotes>;
  titles: ReadonlyMap<string, string>;
}

/** Stage 3: the collection-wide links, the reader's controls, checks, and HTML. */
export function linkStage(inputs: PipelineInputs, collection: QuotedCollection) {
  return unified()
    .use(rehypeMovedAnchors, { register: inputs.register })
    .use(rehypeMentions, { names: inputs.names })
    .use(rehypeAbbreviations, { terms: inputs.terms })
    .use(rehypeQuotedFrom, { notes: collection.notes, titles: collection.titles })
    .use(rehypeQuotationSpeakers, { speaker: inputs.speaker })
    .use(rehypeBlockLinks)
    .use(rehypeCheckInternalLinks, { entries: inputs.entries })
    .use(rehypeHeadingList)
    .use(rehypeRawIfAny)
    .use(rehypeStringify, { allowDangerousHtml: true });
}

interface Astro {
  astro?: { frontmatter?: { slug?: string; blocks?: BlockRecord[]; quotes?: QuoteRecord[] }; headings?: MarkdownHeading[] };
}

/** An article after stage 1: its tree, waiting for stage 3, and its record. */
export interface ParsedArticle {
  file: VFile;
  tree: HastRoot;
  record: ArticleRecord;
}

/** Stage 1 of one article. */
export function parseArticle(first: ReturnType<typeof blockStage>, source: ArticleSource): ParsedArticle {
  const file = new VFile({ value: source.body, path: source.file, data: { astro: { frontmatter: { slug: source.slug } } } });
  const tree = first.runSync(first.parse(file), file) as HastRoot;
  const data = (file.data as Astro).astro?.frontmatter ?? {};
  const record: ArticleRecord = { slug: source.slug, file: source.file, title: source.title, blocks: data.blocks ?? [], quotes: data.quotes ?? [] };
  return { file, tree, record };
}

/** Stage 3 of one article, from its stage 1. */
export async function renderParsed(last: ReturnType<typeof linkStage>, parsed: ParsedArticle): Promise<{ html: string; headings: MarkdownHeading[] }> {
  const done = (await last.run(parsed.tree, parsed.file)) as HastRoot;
  return { html: String(last.stringify(done, parsed.file)), headings: (parsed.file.data as Astro).astro?.headings ?? [] };
}

/**
 * Another thread that renders a share of the articles (loaders/render-thread):
 * stage 1 of the articles given it, whose trees it keeps, then stage 3 of
 * the same, once the collection is known. Each answer is in the order asked,
 * one per article: what it made, or the problem that stopped it.
 */
export interface RenderHelper {
  /** Keeps at most `keptTrees` trees; stage 3 parses the others again. */
  parse(sources: ArticleSource[], keptTrees: number): Promise<({ record: ArticleRecord; micromark: boolean } | { problem: string })[]>;
  render(slugs: string[], collection: QuotedCollection): Promise<({ html: string; headings: MarkdownHeading[] } | { problem: string })[]>;
  /** Called once rendering is over, whether or not it succeeded. */
  close(): Promise<unknown>;
}

/**
 * A store of earlier renderings, one entry per article: the record stage 1
 * made of its text, and the HTML stage 3 made of it in its place in the
 * collection, each under a key of everything that went into it. The loader
 * keeps it in the cache folder (and in memory for `astro dev`), so an
 * article whose inputs did not change is not rendered again.
 */
export interface RenderCache {
  get(slug: string): CachedArticle | undefined;
  set(slug: string, entry: CachedArticle): void;
  /**
   * The HTML an entry's page was made with, as a function that reads it, or
   * undefined if it is not to be had (its page is then made again). A file's
   * entry does not hold it (loaders/render-cache): it is read only when
   * needed, as 5,000 entries with their HTML were half the reading and much
   * of the garbage of a rebuild.
   */
  htmlOf(entry: CachedArticle): (() => string) | undefined;
  /** A digest of a value (the content layer's, so keys are stable across runs). */
  digest(value: string): string;
  /** A digest of the code that renders: any change to it changes every key. */
  version: string;
  /** What quoted-from matching found in the last run of this code (lib/quoted-from), so a run reads only what changed. */
  quotedFrom: { read(): QuotedFromMemo | undefined; write(memo: QuotedFromMemo): void };
  /** The lists of names and terms that the cached HTML was made with, by version, from earlier runs of this code. */
  names: { read(): Record<string, NameList>; write(lists: Record<string, NameList>): void };
}

export interface CachedArticle {
  /** Key of what stage 1 read: the article's Markdown and the people and organisations it names as speakers. */
  textKey: string;
  record: ArticleRecord;
  /** Key of what stage 3 read besides the text and the names and terms: its links, quotations and moved ids. */
  pageKey?: string;
  /** Held in memory (`astro dev`); from a file, read through RenderCache's htmlOf. */
  html?: string;
  headings?: MarkdownHeading[];
  /** The version of the names and terms its HTML was made with (RenderCache's names). */
  namesVersion?: string;
  /** Digests of the record and the HTML (RenderedArticle's keys). */
  recordDigest?: string;
  htmlDigest?: string;
}

/** The people, organisations and glossary terms as stage 3 looks for them: one list, each entry keyed by kind. */
export type NameList = (Nameable & { term?: GlossaryTerm })[];

/** How many earlier lists of names the cache keeps: an article made with an older one is rendered again. */
const KEPT_NAME_LISTS = 16;

/** How many parsed trees stage 1 keeps for stage 3 (about 0.2 MB each); past it, stage 3 parses again. */
const KEPT_TREES = 5_000;

/**
 * Renders every article. Problems (an unknown speaker, a broken link…) are
 * collected from every article, each at its own file and line, and returned
 * together rather than stopping at the first. With a cache, an article is
 * parsed only when its text changed or its page must be made again, and
 * its page made again only when something it shows changed: an edit to one
 * article renders that article and the articles its quotations link.
 */
export async function renderArticles(
  sources: ArticleSource[],
  inputs: PipelineInputs,
  cache?: RenderCache,
  {
    keptTrees = KEPT_TREES,
    helper: helperFor,
    parsedHere,
  }: {
    keptTrees?: number;
    /** Given how many articles are to be parsed, a helper for every other one of them, or none (the output is the same either way). */
    helper?: ((toParse: number) => RenderHelper | undefined) | undefined;
    /**
     * Called once with the records this thread parsed, before it waits for the helper's: the caller's own work on
     * records (the loader's fidelity check) fills that wait. Articles kept from the cache and those with a problem
     * are not among them.
     */
    parsedHere?: ((records: ArticleRecord[]) => void) | undefined;
  } = {},
): Promise<{
  rendered: Map<string, RenderedArticle>;
  problems: string[];
  /** helperFailure: why the helper's share was rendered here after all. */
  stats: { changed: number; rendered: number; helped: number; micromark: string[]; helperFailure?: string };
  /** Each article's quoted-from notes, by slug. */
  notes: Map<string, ArticleNotes>;
}> {
  const problems: string[] = [];
  const first = blockStage(inputs);
  const key = (value: unknown) => cache!.digest(JSON.stringify(value));

  // helped: stage 1 and 3 were done by the helper, which keeps the tree.
  type Loaded = { source: ArticleSource; textKey: string; cached: CachedArticle | undefined; record: ArticleRecord; parsed: ParsedArticle | undefined; helped?: true; micromark?: boolean };
  const parse = (source: ArticleSource) => parseArticle(first, source);

  // Stage 1, or its record from the cache. Trees wait for stage 3 up to a budget, beyond which they are
  // parsed again there: memory stays bounded at tens of thousands of articles, for a second parse of the rest.
  const textKeys = sources.map((source) => (cache ? key([cache.version, speakersNamed(source.body, inputs), source.slug, source.file, source.title, source.body]) : ''));
  const cachedOf = sources.map((source, i) => {
    const cached = cache?.get(source.slug);
    return cached && cached.textKey === textKeys[i] ? cached : undefined;
  });
  // With a helper, every other article to parse is its: each side keeps half the trees.
  const toParse = sources.flatMap((_, i) => (cachedOf[i] ? [] : [i]));
  const helper = helperFor?.(toParse.length);
  try {
    return await renderWith(helper);
  } finally {
    await helper?.close();
  }

  // Stage 1 and the rest, with the helper, if any, to close once done either way.
  async function renderWith(helper: RenderHelper | undefined) {
    const helped = new Set(helper ? toParse.filter((_, k) => k % 2 === 1) : []);
    const budget = helper ? Math.floor(keptTrees / 2) : keptTrees;
    const fromHelper = helper && helped.size > 0 ? helper.parse(sources.filter((_, i) => helped.has(i)), budget) : undefined;
    // A helper that fails (a thread that cannot start, or stops) leaves its share to this thread: the same output, later.
    let failure: string | undefined;
    const failed = (error: Error) => {
      failure ??= error.message;
      return undefined;
    };
    let kept = 0;
    const parseHere = (source: ArticleSource, i: number): Loaded | { problem: string } => {
      try {
        const parsed = parse(source);
        return { source, textKey: textKeys[i]!, cached: undefined, record: parsed.record, parsed: kept++ < budget ? parsed : undefined, micromark: readByMicromark(parsed.file) };
      } catch (error) {
        return { problem: (error as Error).message };
      }
    };
    const stage1 = sources.map((source, i): Loaded | { problem: string } | undefined => {
      const cached = cachedOf[i];
      if (cached) return { source, textKey: textKeys[i]!, cached, record: cached.record, parsed: undefined };
      return helped.has(i) ? undefined : parseHere(source, i);
    });
    parsedHere?.(stage1.flatMap((entry) => (entry && !('problem' in entry) && !entry.cached ? [entry.record] : [])));
    const helpedAnswers = fromHelper ? await fromHelper.catch(failed) : [];
    let answer = 0;
    const articles = stage1.flatMap((entry, i): Loaded[] => {
      if (entry === undefined && !helpedAnswers) entry = parseHere(sources[i]!, i);
      if (entry === undefined) {
        const made = helpedAnswers![answer++]!;
        if ('problem' in made) {
          problems.push(made.problem);
          return [];
        }
        return [{ source: sources[i]!, textKey: textKeys[i]!, cached: undefined, record: made.record, parsed: undefined, helped: true, micromark: made.micromark }];
      }
      if ('problem' in entry) {
        problems.push(entry.problem);
        return [];
      }
      return [entry];
    });
    const corpus = articles.map((a) => a.record);
    const dates = new Map(sources.map((s) => [s.slug, s.date]));
    let notes: Map<string, ArticleNotes>;
    if (cache) {
      const again = quotedNotesAgain(corpus, dates, cache.digest, cache.quotedFrom.read());
      cache.quotedFrom.write(again.memo);
      notes = again.notes;
    } else {
      notes = quotedNotes(corpus, dates);
    }
    const titles = new Map(corpus.map((r) => [r.slug, r.title]));
    const last = linkStage(inputs, { notes, titles });

    // The names and terms stage 3 links. HTML made with an earlier list is kept if none of the names that differ
    // between the two is in the article's text (lib/mentions): a person added renders again only the articles that name them.
    const nameList: NameList = [
      ...inputs.names.map((n) => ({ ...n, key: `name:${n.key}` })),
      ...inputs.terms.map((term) => ({ key: `term:${term.term}`, names: [term.term], plural: true, term })),
    ];
    const namesVersion = cache ? key(nameList) : '';
    const earlierLists = cache ? cache.names.read() : {};
    // The names that differ from each earlier list, worked out once per list.
    const changedSince = new Map<string, string[]>();
    const namesStillHold = (article: Loaded, html: () => string) => {
      const made = article.cached!.namesVersion;
      if (made === namesVersion) return true;
      if (made === undefined || !earlierLists[made]) return false;
      let changed = changedSince.get(made);
      if (!changed) changedSince.set(made, (changed = namesChanged(earlierLists[made], nameList)));
      if (changed.length === 0) return true;
      // The Markdown, the blocks' text (character references read) and the HTML made before, which holds any
      // text stage 1 added from elsewhere (a pull quote's speaker's name).
      const text = [article.source.body, ...article.record.blocks.map((b) => b.text), html()];
      return !changed.some((name) => text.some((t) => t.includes(name)));
    };
    // The titles an article's notes show (the links' dates, which order them, are in the notes).
    const linkedTitles = (slug: string) => {
      const linked = new Set(Object.values(notes.get(slug) ?? {}).flatMap((n) => [...(n.from?.links ?? []), ...(n.in?.links ?? [])].map((l) => l.article)));
      return [...linked].map((other) => [other, titles.get(other)]);
    };
    const moved = movedIdsBySlug(inputs.register);
    const pageKeyOf = (source: ArticleSource, record: ArticleRecord) => {
      const speakers = [...new Set([...record.quotes.map((q) => q.speaker), ...record.blocks.map((b) => b.speaker)])]
        .filter((id): id is string => typeof id === 'string')
        .map((id) => [id, inputs.speaker(id, source.slug)]);
      // The pages this article links to, and whether each exists (the link check fails on one that does not).
      const targets = [...source.body.matchAll(/\/(articles|people|organisations|topics)\/([^/\s)#?]+)/g)].map(([, kind, id]) => [kind, id, inputs.entries[kind as EntityKind].has(id!)]);
      return key([cache!.version, notes.get(source.slug) ?? {}, linkedTitles(source.slug), moved.get(source.slug) ?? {}, speakers, targets]);
    };

    const rendered = new Map<string, RenderedArticle>();
    // changed: articles whose text changed (or that had no earlier rendering); rendered: pages made again;
    // helped: of those, parsed and made on the helper's thread.
    // micromark: of those parsed, the articles the slower parser read (remark-parse-gfm), by slug.
    const stats = { changed: articles.filter((a) => !a.cached).length, rendered: 0, helped: helped.size, micromark: articles.filter((a) => a.micromark).map((a) => a.source.slug) };
    const pageKeys = articles.map((a) => (cache ? pageKeyOf(a.source, a.record) : ''));
    // The HTML of each page kept, to be read only if needed.
    const keptHtml = articles.map((a, i) => (a.cached !== undefined && a.cached.pageKey === pageKeys[i] ? cache!.htmlOf(a.cached) : undefined));
    const reusable = articles.map((a, i) => keptHtml[i] !== undefined && namesStillHold(a, keptHtml[i]));
    // The helper's pages are made there meanwhile: it parsed them, and keeps their trees.
    const theirs = articles.filter((a) => a.helped);
    // The thread is sent its articles' notes and the titles they show, not the collection's.
    const theirNotes = new Map(theirs.flatMap((a) => (notes.has(a.source.slug) ? [[a.source.slug, notes.get(a.source.slug)!] as const] : [])));
    const theirTitles = new Map(theirs.flatMap((a) => linkedTitles(a.source.slug)) as [string, string][]);
    const fromHelperPages = theirs.length > 0 ? helper!.render(theirs.map((a) => a.source.slug), { notes: theirNotes, titles: theirTitles }) : undefined;
    const renderHere = async (article: Loaded) => {
      try {
        // Its text did not change but its page must be made again, or its tree was over the budget
        // (or is the failed helper's): parsed again.
        const parsed = article.parsed ?? parse(article.source);
        article.parsed = undefined;
        return await renderParsed(last, parsed);
      } catch (error) {
        return { problem: (error as Error).message };
      }
    };
    const pages: ({ html: string; headings: MarkdownHeading[] } | { problem: string } | undefined)[] = [];
    for (const [i, article] of articles.entries()) pages.push(reusable[i] || article.helped ? undefined : await renderHere(article));
    const helpedPages = fromHelperPages ? await fromHelperPages.catch(failed) : [];
    let page = 0;
    for (const [i, article] of articles.entries()) {
      const { source, textKey, record } = article;
      const pageKey = pageKeys[i]!;
      // A record from the cache has its digest there (but for a cache of an older version).
      const recordDigest = cache ? (article.cached?.recordDigest ?? cache.digest(JSON.stringify(record))) : '';
      if (reusable[i]) {
        const cached = article.cached!;
        const read = keptHtml[i]!;
        const htmlDigest = cached.htmlDigest ?? cache!.digest(read());
        rendered.set(source.slug, {
          // Read when asked for: the loader keeps it as a file named by its digest, which is there already.
          get html() {
            return read();
          },
          headings: cached.headings ?? [],
          record,
          keys: { record: recordDigest, html: htmlDigest },
        });
        continue;
      }
      const out = !article.helped ? pages[i]! : helpedPages ? helpedPages[page++]! : await renderHere(article);
      if ('problem' in out) {
        problems.push(out.problem);
        // The record stands (quoted-from links are found from it); the page is made again next time.
        cache?.set(source.slug, { textKey, record, recordDigest });
        continue;
      }
      stats.rendered++;
      if (!cache) {
        rendered.set(source.slug, { ...out, record });
        continue;
      }
      const htmlDigest = cache.digest(out.html);
      rendered.set(source.slug, { ...out, record, keys: { record: recordDigest, html: htmlDigest } });
      cache.set(source.slug, { textKey, record, pageKey, html: out.html, headings: out.headings, recordDigest, htmlDigest, namesVersion });
    }
    if (cache) {
      // The lists the kept HTML was made with, this one last; the oldest go once there are more than KEPT_NAME_LISTS.
      const inUse = new Set(articles.map((a, i) => (reusable[i] ? a.cached!.namesVersion! : namesVersion)));
      const kept = Object.entries(earlierLists).filter(([version]) => inUse.has(version) && version !== namesVersion);
      cache.names.write(Object.fromEntries([...kept.slice(-(KEPT_NAME_LISTS - 1)), [namesVersion, nameList]]));
    }
    if (failure) stats.helped = 0;
    return { rendered, problems, stats: failure ? { ...stats, helperFailure: failure } : stats, notes };
  }
}

/** `speaker="…"` in a quotation's or pull quote's attributes, in any of the forms Markdown directives allow. */
const SPEAKER_ATTRIBUTE = /\bspeaker\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<=>`}]+))/g;

/**
 * What stage 1 reads of the people and organisations for one article: each
 * id its text gives as a speaker, with the name of the person or
 * organisation it is now, if any. A speaker written with a character
 * reference could be any id, so such a text depends on all of them.
 */
function speakersNamed(body: string, inputs: Pick<PipelineInputs, 'people' | 'organisations'>): unknown {
  const named: unknown[] = [];
  for (const match of body.matchAll(SPEAKER_ATTRIBUTE)) {
    const id = match[1] ?? match[2] ?? match[3] ?? '';
    if (/[&\\]/.test(id)) return [[...inputs.people], [...inputs.organisations]];
    named.push([id, inputs.people.get(id) ?? null, inputs.organisations.get(id) ?? null]);
  }
  return named;
}
