// Brings in the hName/hProperties fields that tell remark-rehype which element to make.
import type {} from 'mdast-util-to-hast';
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { walk } from './walk';

/**
 * Blocks that are not the author's argument, each labelled for what it is:
 * an introduction or disclaimer that the source itself carries, or a note by
 * this site's editors, which is never source text.
 */
const NOTES = {
  'source-intro': { className: 'source-intro', label: 'Introduction, from the source' },
  disclaimer: { className: 'source-disclaimer', label: 'Disclaimer, from the source' },
  'editorial-note': { className: 'editorial-note', label: 'Editor’s note' },
} as const;

export default function remarkSourceNotes() {
  return (tree: Root) => {
    walk<ContainerDirective>(tree, 'containerDirective', (node) => {
      const note = NOTES[node.name as keyof typeof NOTES];
      if (!note) return;
      node.data = {
        hName: 'div',
        hProperties: { className: ['block-note', note.className], role: 'note' },
      };
      node.children.unshift({
        type: 'paragraph',
        data: { hName: 'p', hProperties: { className: ['block-note__label'], dataPagefindIgnore: '' } },
        children: [{ type: 'text', value: note.label }],
      });
    });
  };
}
