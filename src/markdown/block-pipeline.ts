import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import remarkDirective from 'remark-directive';
import rehypeBlockIds from './rehype-block-ids';
import rehypeCollectBlocks from './rehype-collect-blocks';
import remarkPullQuotes from './remark-pull-quotes';
import remarkQuotes from './remark-quotes';
import remarkRejectUnknownDirectives from './remark-reject-unknown-directives';
import remarkSourceNotes from './remark-source-notes';

/**
 * The article pipeline in two parts. The first gives every block its id and
 * records blocks and quotes; it is all the corpus pre-pass runs. The second
 * adds what needs the whole collection (mentions, quoted-from links) and the
 * reader's controls. Keeping both lists here keeps the pre-pass and the real
 * render from drifting apart.
 */
export function blockPlugins(contentDir: string): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return {
    remarkPlugins: [
      remarkDirective,
      [remarkPullQuotes, { contentDir }],
      [remarkQuotes, { contentDir }],
      remarkSourceNotes,
      remarkRejectUnknownDirectives,
    ],
    rehypePlugins: [rehypeSlug, rehypeBlockIds, rehypeCollectBlocks],
  };
}

