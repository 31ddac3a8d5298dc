import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { ArticleRecord } from '../lib/article-record';
import { blockPlugins, type PipelineInputs } from './block-pipeline';
import rehypeAbbreviations from './rehype-abbreviations';
import rehypeBlockLinks from './rehype-block-links';
import rehypeCheckInternalLinks from './rehype-check-internal-links';
import rehypeMentions from './rehype-mentions';
import rehypeMovedAnchors from './rehype-moved-anchors';
import rehypeQuotedFrom from './rehype-quoted-from';

/** The whole article pipeline: the block plugins, then the collection-wide ones and the reader's controls. */
export function articlePlugins(
  inputs: PipelineInputs,
  corpus: () => Promise<ArticleRecord[]>,
): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  const first = blockPlugins(inputs);
  return {
    remarkPlugins: [...first.remarkPlugins],
    rehypePlugins: [
      ...first.rehypePlugins,
      [rehypeMovedAnchors, { register: inputs.register }],
      [rehypeMentions, { names: inputs.names }],
      [rehypeAbbreviations, { terms: inputs.terms }],
      [rehypeQuotedFrom, { corpus }],
      rehypeBlockLinks,
      [rehypeCheckInternalLinks, { entries: inputs.entries }],
    ],
  };
}
