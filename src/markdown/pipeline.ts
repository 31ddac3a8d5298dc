import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { blockPlugins } from './block-pipeline';
import rehypeAbbreviations from './rehype-abbreviations';
import rehypeBlockLinks from './rehype-block-links';
import rehypeCheckInternalLinks from './rehype-check-internal-links';
import rehypeMentions from './rehype-mentions';
import rehypeMovedAnchors from './rehype-moved-anchors';
import rehypeQuotedFrom from './rehype-quoted-from';

/** The whole article pipeline: the block plugins, then the collection-wide ones and the reader's controls. */
export function articlePlugins(contentDir: string): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  const first = blockPlugins(contentDir);
  return {
    remarkPlugins: [...first.remarkPlugins],
    rehypePlugins: [
      ...first.rehypePlugins,
      rehypeMovedAnchors,
      [rehypeMentions, { contentDir }],
      [rehypeAbbreviations, { contentDir }],
      [rehypeQuotedFrom, { contentDir }],
      rehypeBlockLinks,
      [rehypeCheckInternalLinks, { contentDir }],
    ],
  };
}
