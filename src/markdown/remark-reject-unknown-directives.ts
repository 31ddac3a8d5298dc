import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { where } from './where';
import { walk } from './walk';

const KNOWN = ['pullquote', 'quote', 'source-intro', 'disclaimer', 'editorial-note'];

/**
 * A mistyped `:::pullqoute` would otherwise render as an empty div and its
 * text would vanish from the page; text is never lost silently.
 */
export default function remarkRejectUnknownDirectives() {
  return (tree: Root, file: VFile) => {
    walk<Nodes>(tree, undefined, (node) => {
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
      const name = (node as { name: string }).name;
      if (KNOWN.includes(name)) return;
      throw new Error(
        `${where(file, node)}: unknown directive "${name}". Use one of ${KNOWN.map((k) => `:::${k}`).join(', ')}; a colon that starts a line can be escaped as \\:.`,
      );
    });
  };
}
