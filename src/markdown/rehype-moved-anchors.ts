import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { movedIdsBySlug, type PermalinkRegister } from '../lib/permalink-register';
import { slugOf } from './file-data';
import { walk } from './walk';

/**
 * Keeps published links to edited blocks working: for each old id the
 * register maps to a successor, an empty anchor with the old id is put at the
 * start of the successor block. Without JavaScript the browser lands there; a
 * script then moves the address to the successor's id so it is highlighted.
 */
export default function rehypeMovedAnchors(options: { register: PermalinkRegister }) {
  const bySlug = movedIdsBySlug(options.register);
  return (tree: Root, file: VFile) => {
    const slug = slugOf(file);
    const moved = Object.entries((slug && bySlug.get(slug)) || {});
    if (moved.length === 0) return;
    walk<Element>(tree, 'element', (el) => {
      for (const [old, successor] of moved) {
        if (el.properties.id === successor) {
          el.children.unshift(h('span', { id: old, className: ['moved-anchor'], dataMovedTo: successor }));
        }
      }
    });
  };
}
