import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Root as HastRoot } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { GlossaryTerm } from '../content-files/names';
import type { ArticleRecord, BlockRecord, QuoteRecord } from '../lib/article-record';
import type { Nameable } from '../lib/mentions';
import type { PermalinkRegister } from '../lib/permalink-register';
import { quotedFromLinks } from '../lib/quotations';
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
}

export interface RenderedArticle {
  html: string;
  headings: MarkdownHeading[];
  record: ArticleRecord;
}

/** Stage 1: Markdown to an HTML tree with block ids, recording blocks and quotes. */
export function blockStage(inputs: Pick<PipelineInputs, 'people'>) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRejectRawHtml)
    .use(remarkDirective)
    .use(remarkPullQuotes, { people: inputs.people })
    .use(remarkQuotes, { people: inputs.people })
    .use(remarkSourceNotes)
    .use(remarkRejectUnknownDirectives)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [] })
    .use(rehypeSlug)
    .use(rehypeBlockIds)
    .use(rehypeCollectBlocks);
}

/** Stage 3: the collection-wide links, the reader's controls, checks, and HTML. */
export function linkStage(inputs: PipelineInputs, collection: { corpus: ArticleRecord[] }) {
  return unified()
    .use(rehypeMovedAnchors, { register: inputs.register })
    .use(rehypeMentions, { names: inputs.names })
    .use(rehypeAbbreviations, { terms: inputs.terms })
    .use(rehypeQuotedFrom, { corpus: collection.corpus, links: quotedFromLinks(collection.corpus) })
    .use(rehypeQuotationSpeakers, { speaker: inputs.speaker })
    .use(rehypeBlockLinks)
    .use(rehypeCheckInternalLinks, { entries: inputs.entries })
    .use(rehypeHeadingIds)
    .use(rehypeRaw)
    .use(rehypeStringify, { allowDangerousHtml: true });
}

interface Astro {
  astro?: { frontmatter?: { slug?: string; blocks?: BlockRecord[]; quotes?: QuoteRecord[] }; headings?: MarkdownHeading[] };
}

/**
 * Renders every article. Problems (an unknown speaker, a broken link…) are
 * collected from every article, each at its own file and line, and returned
 * together rather than stopping at the first.
 */
export async function renderArticles(
  sources: ArticleSource[],
  inputs: PipelineInputs,
): Promise<{ rendered: Map<string, RenderedArticle>; problems: string[] }> {
  const problems: string[] = [];
  const first = blockStage(inputs);
  const parsed = sources.flatMap((source) => {
    const file = new VFile({ value: source.body, path: source.file, data: { astro: { frontmatter: { slug: source.slug } } } });
    try {
      const tree = first.runSync(first.parse(file), file) as HastRoot;
      const data = (file.data as Astro).astro?.frontmatter ?? {};
      const record: ArticleRecord = { slug: source.slug, file: source.file, title: source.title, blocks: data.blocks ?? [], quotes: data.quotes ?? [] };
      return [{ source, file, tree, record }];
    } catch (error) {
      problems.push((error as Error).message);
      return [];
    }
  });

  const last = linkStage(inputs, { corpus: parsed.map((p) => p.record) });
  const rendered = new Map<string, RenderedArticle>();
  for (const { source, file, tree, record } of parsed) {
    try {
      const done = (await last.run(tree, file)) as HastRoot;
      rendered.set(source.slug, { html: String(last.stringify(done, file)), headings: (file.data as Astro).astro?.headings ?? [], record });
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return { rendered, problems };
}
