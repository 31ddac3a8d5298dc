import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import type { BlockRecord, QuoteRecord } from '../lib/article-record';

/**
 * Records every block (id, kind, text) and every marked quotation (its block,
 * speaker and words) of an article, for what is built across articles:
 * quoted-from links, mentions, the quotes page, timeline events. The record
 * goes out through Astro's remark-plugin frontmatter.
 */
export default function rehypeCollectBlocks() {
  return (tree: Root, file: VFile) => {
    const blocks: BlockRecord[] = [];
    const quotes: QuoteRecord[] = [];
    const speakerOf = (el: Element) =>
      typeof el.properties.dataSpeaker === 'string' ? el.properties.dataSpeaker : el.properties.dataUnattributed !== undefined ? null : undefined;
    const walk = (node: Root | Element, block: string | undefined, speaker: string | null | undefined, pull: boolean) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const own = speakerOf(child);
        const isQuotation = Array.isArray(child.properties.className) && child.properties.className.includes('quotation');
        const isPull = pull || child.properties.dataBlock === 'pull-quote';
        const id = child.properties.dataBlock !== undefined && typeof child.properties.id === 'string' ? child.properties.id : undefined;
        const inherited = own !== undefined ? own : speaker;
        if (id && block === undefined) {
          const text = toString(child);
          blocks.push({ id, kind: String(child.properties.dataBlock), text, ...(inherited ? { speaker: inherited } : {}) });
          if (inherited !== undefined && child.properties.dataBlock !== 'heading') {
            quotes.push({ block: id, speaker: inherited, text, form: isPull ? 'pull' : 'block' });
          }
        } else if (isQuotation && child.tagName === 'span' && block !== undefined) {
          quotes.push({ block, speaker: own ?? null, text: toString(child), form: 'inline' });
        }
        walk(child, id && block === undefined ? id : block, inherited, isPull);
      }
    };
    walk(tree, undefined, undefined, false);
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.blocks = blocks;
    data.astro.frontmatter.quotes = quotes;
  };
}
