import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { assignBlockIds, type BlockKind } from '../lib/block-ids';

/**
 * Gives every block of an article a stable id for permalinks: headings keep
 * their readable slug ids (rehype-slug runs first); paragraphs, list items,
 * pull quotes and blockquotes get ids derived from their own text. Each block
 * is marked `data-block` with its kind, for the link controls and styles.
 */
const hasClass = (el: Element, name: string) =>
  Array.isArray(el.properties?.className) && (el.properties.className as string[]).includes(name);

function kindOf(el: Element, insideBlock: boolean): BlockKind | 'heading' | undefined {
  if (/^h[2-6]$/.test(el.tagName)) return 'heading';
  if (el.tagName === 'li') return 'list-item';
  if (el.tagName === 'figure' && hasClass(el, 'pull-quote')) return 'pull-quote';
  if (insideBlock) return undefined;
  if (el.tagName === 'blockquote') return 'blockquote';
  if (el.tagName === 'p' && !hasClass(el, 'block-note__label') && toString(el).trim() !== '') return 'paragraph';
  return undefined;
}

export default function rehypeBlockIds() {
  return (tree: Root) => {
    const blocks: { el: Element; kind: BlockKind }[] = [];
    const walk = (nodes: (Root | ElementContent)[], insideBlock: boolean) => {
      for (const node of nodes) {
        if (node.type !== 'element') continue;
        const kind = kindOf(node, insideBlock);
        if (kind === 'heading') {
          node.properties.dataBlock = 'heading';
          continue;
        }
        if (kind) {
          blocks.push({ el: node, kind });
          node.properties.dataBlock = kind;
        }
        // Paragraphs inside a list item or quotation belong to that block.
        walk(node.children, insideBlock || kind !== undefined);
      }
    };
    walk(tree.children as ElementContent[], false);
    const ids = assignBlockIds(blocks.map(({ el, kind }) => ({ kind, text: toString(el) })));
    blocks.forEach(({ el }, index) => {
      el.properties.id = ids[index];
    });
  };
}
