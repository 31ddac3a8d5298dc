import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import remarkDirective from 'remark-directive';
import type { GlossaryTerm } from '../content-files/names';
import type { PermalinkRegister } from '../lib/permalink-register';
import type { Nameable } from '../lib/mentions';
import type { EntityKind } from '../lib/routes';
import rehypeBlockIds from './rehype-block-ids';
import rehypeCollectBlocks from './rehype-collect-blocks';
import remarkPullQuotes from './remark-pull-quotes';
import remarkQuotes from './remark-quotes';
import remarkRejectUnknownDirectives from './remark-reject-unknown-directives';
import remarkSourceNotes from './remark-source-notes';

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
}

/**
 * The article pipeline in two parts. The first gives every block its id and
 * records blocks and quotes; it is all the corpus pre-pass runs. The second
 * adds what needs the whole collection (mentions, quoted-from links) and the
 * reader's controls. Keeping both lists here keeps the pre-pass and the real
 * render from drifting apart.
 */
export function blockPlugins(inputs: PipelineInputs): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return {
    remarkPlugins: [
      remarkDirective,
      [remarkPullQuotes, { people: inputs.people }],
      [remarkQuotes, { people: inputs.people }],
      remarkSourceNotes,
      remarkRejectUnknownDirectives,
    ],
    rehypePlugins: [rehypeSlug, rehypeBlockIds, rehypeCollectBlocks],
  };
}
