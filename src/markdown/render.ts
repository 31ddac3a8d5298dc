import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Root as HastRoot } from 'hast';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { GlossaryTerm } from '../content-files/names';
import type { ArticleRecord, BlockRecord, QuoteRecord } from '../lib/article-record';
import type { Nameable } from '../lib/mentions';
import { movedIdsBySlug, type PermalinkRegister } from '../lib/permalink-register';
import { quotedFromLinks, quotedFromLinksAgain } from '../lib/quotations';
import type { QuotedFrom, QuotedFromMemo } from '../lib/quoted-from';
import type { EntityKind } from '../lib/routes';
import rehypeAbbreviations from './rehype-abbreviations';
import rehypeBlockIds from './rehype-block-ids';
import rehypeBlockLinks from './rehype-block-links';
import rehypeCheckInternalLinks from './rehype-check-internal-links';
import rehypeCollectBlocks from './rehype-collect-blocks';
import rehypeMentions from './rehype-mentions';
import rehypeMovedAnchors from './rehype-moved-anchors';
import rehypeQuotedFrom from './rehype-quoted-from';
import rehypeQuotationSpeakers from './rehype-quotation-speakers';
import rehypeRawIfAny from './rehype-raw-if-any';
import remarkParseGfm from './remark-parse-gfm';
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
 * 2. once, across the collection: quoted-from links from all the records;
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
   * With a cache, the keys the rendering was made under: the record is
   * decided by the text's key and the HTML by both, so a file of either can
   * be named by them without reading its content again.
   */
  keys?: { text: string; page: string };
}

/** Stage 1: Markdown to an HTML tree with block ids, recording blocks and quotes. */
export function blockStage(inputs: Pick<PipelineInputs, 'people' | 'organisations'>) {
  return unified()
    .use(remarkParseGfm)
    .use(remarkRejectRawHtml)
    .use(remarkDirective)
    .use(remarkPullQuotes, { people: inputs.people, organisations: inputs.organisations })
    .use(remarkQuotes, { people: inputs.people, organisations: inputs.organisations })
    .use(remarkSourceNotes)
    .use(remarkRejectUnknownDirectives)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [] })
    .use(rehypeSlug)
    .use(rehypeBlockIds)
    .use(rehypeCollectBlocks);
}

/** Stage 3: the collection-wide links, the reader's controls, checks, and HTML. */
export function linkStage(inputs: PipelineInputs, collection: { corpus: ArticleRecord[]; links: QuotedFrom[] }) {
  return unified()
    .use(rehypeMovedAnchors, { register: inputs.register })
    .use(rehypeMentions, { names: inputs.names })
    .use(rehypeAbbreviations, { terms: inputs.terms })
    .use(rehypeQuotedFrom, { corpus: collection.corpus, links: collection.links })
    .use(rehypeQuotationSpeakers, { speaker: inputs.speaker })
    .use(rehypeBlockLinks)
    .use(rehypeCheckInternalLinks, { entries: inputs.entries })
    .use(rehypeHeadingIds)
    .use(rehypeRawIfAny)
    .use(rehypeStringify, { allowDangerousHtml: true });
}

interface Astro {
  astro?: { frontmatter?: { slug?: string; blocks?: BlockRecord[]; quotes?: QuoteRecord[] }; headings?: MarkdownHeading[] };
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
  /** A digest of a value (the content layer's, so keys are stable across runs). */
  digest(value: string): string;
  /** A digest of the code that renders: any change to it changes every key. */
  version: string;
  /** What quoted-from matching found in the last run of this code (lib/quoted-from), so a run reads only what changed. */
  quotedFrom: { read(): QuotedFromMemo | undefined; write(memo: QuotedFromMemo): void };
}

export interface CachedArticle {
  /** Key of what stage 1 read: the article's Markdown and the people it may name as speakers. */
  textKey: string;
  record: ArticleRecord;
  /** Key of what stage 3 read besides the text: the collection's names and terms, this article's links, quotations and moved ids. */
  pageKey?: string;
  html?: string;
  headings?: MarkdownHeading[];
}

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
  { keptTrees = KEPT_TREES }: { keptTrees?: number } = {},
): Promise<{ rendered: Map<string, RenderedArticle>; problems: string[]; stats: { changed: number; rendered: number }; links: QuotedFrom[] }> {
  const problems: string[] = [];
  const first = blockStage(inputs);
  const key = (value: unknown) => cache!.digest(JSON.stringify(value));
  const peopleKey = cache && key([cache.version, [...inputs.people], [...inputs.organisations]]);

  type Parsed = { file: VFile; tree: HastRoot; record: ArticleRecord };
  type Loaded = { source: ArticleSource; textKey: string; cached: CachedArticle | undefined; record: ArticleRecord; parsed: Parsed | undefined };
  const parse = (source: ArticleSource): Parsed => {
    const file = new VFile({ value: source.body, path: source.file, data: { astro: { frontmatter: { slug: source.slug } } } });
    const tree = first.runSync(first.parse(file), file) as HastRoot;
    const data = (file.data as Astro).astro?.frontmatter ?? {};
    const record: ArticleRecord = { slug: source.slug, file: source.file, title: source.title, blocks: data.blocks ?? [], quotes: data.quotes ?? [] };
    return { file, tree, record };
  };

  // Stage 1, or its record from the cache. Trees wait for stage 3 up to a budget, beyond which they are
  // parsed again there: memory stays bounded at tens of thousands of articles, for a second parse of the rest.
  let kept = 0;
  const articles = sources.flatMap((source): Loaded[] => {
    const textKey = cache ? key([peopleKey, source.slug, source.file, source.title, source.body]) : '';
    const cached = cache?.get(source.slug);
    if (cached && cached.textKey === textKey) return [{ source, textKey, cached, record: cached.record, parsed: undefined }];
    try {
      const parsed = parse(source);
      return [{ source, textKey, cached: undefined, record: parsed.record, parsed: kept++ < keptTrees ? parsed : undefined }];
    } catch (error) {
      problems.push((error as Error).message);
      return [];
    }
  });
  const corpus = articles.map((a) => a.record);
  const dates = new Map(sources.map((s) => [s.slug, s.date]));
  let links: QuotedFrom[];
  if (cache) {
    const again = quotedFromLinksAgain(corpus, dates, cache.digest, cache.quotedFrom.read());
    cache.quotedFrom.write(again.memo);
    links = again.links;
  } else {
    links = quotedFromLinks(corpus, dates);
  }
  const last = linkStage(inputs, { corpus, links });

  // What stage 3 reads of the collection for one article, beyond its own text.
  const globalKey = cache && key([cache.version, inputs.names, inputs.terms]);
  const titles = new Map(corpus.map((r) => [r.slug, r.title]));
  const linksOf = new Map<string, unknown[]>();
  for (const link of links) {
    for (const slug of new Set([link.quote.article, link.source.article])) {
      const other = slug === link.quote.article ? link.source.article : link.quote.article;
      linksOf.set(slug, [...(linksOf.get(slug) ?? []), link, titles.get(other)]);
    }
  }
  const moved = movedIdsBySlug(inputs.register);
  const pageKeyOf = (source: ArticleSource, record: ArticleRecord) => {
    const speakers = [...new Set([...record.quotes.map((q) => q.speaker), ...record.blocks.map((b) => b.speaker)])]
      .filter((id): id is string => typeof id === 'string')
      .map((id) => [id, inputs.speaker(id, source.slug)]);
    // The pages this article links to, and whether each exists (the link check fails on one that does not).
    const targets = [...source.body.matchAll(/\/(articles|people|organisations|topics)\/([^/\s)#?]+)/g)].map(([, kind, id]) => [kind, id, inputs.entries[kind as EntityKind].has(id!)]);
    return key([globalKey, linksOf.get(source.slug) ?? [], moved.get(source.slug) ?? {}, speakers, targets]);
  };

  const rendered = new Map<string, RenderedArticle>();
  // changed: articles whose text changed (or that had no earlier rendering); rendered: pages made again.
  const stats = { changed: articles.filter((a) => !a.cached).length, rendered: 0 };
  for (const article of articles) {
    const { source, textKey, record } = article;
    const pageKey = cache ? pageKeyOf(source, record) : '';
    const cached = article.cached;
    if (cached && cached.pageKey === pageKey && cached.html !== undefined) {
      rendered.set(source.slug, { html: cached.html, headings: cached.headings ?? [], record, keys: { text: textKey, page: pageKey } });
      continue;
    }
    try {
      // Its text did not change but its page must be made again, or its tree was over the budget: parsed again.
      const parsed = article.parsed ?? parse(source);
      article.parsed = undefined;
      const done = (await last.run(parsed.tree, parsed.file)) as HastRoot;
      const out = { html: String(last.stringify(done, parsed.file)), headings: (parsed.file.data as Astro).astro?.headings ?? [], record };
      rendered.set(source.slug, cache ? { ...out, keys: { text: textKey, page: pageKey } } : out);
      stats.rendered++;
      cache?.set(source.slug, { textKey, record, pageKey, html: out.html, headings: out.headings });
    } catch (error) {
      problems.push((error as Error).message);
      // The record stands (quoted-from links are found from it); the page is made again next time.
      cache?.set(source.slug, { textKey, record });
    }
  }
  return { rendered, problems, stats, links };
}
