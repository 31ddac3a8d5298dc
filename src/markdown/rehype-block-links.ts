import type { Element, Root, RootContent } from 'hast';
import { h } from 'hastscript';

/**
 * Adds a link control to every block marked by rehype-block-ids: a plain
 * link to "#id", which works without JavaScript; a small script turns it into
 * "copy link". Headings get theirs beside them (inside, it would become part
 * of the heading's name), other blocks at their end.
 */
const LABEL: Record<string, string> = {
  heading: 'Link to this section',
  paragraph: 'Link to this paragraph',
  'list-item': 'Link to this list item',
  'pull-quote': 'Link to this pull quote',
  blockquote: 'Link to this quotation',
};

function control(el: Element): Element {
  const kind = String(el.properties.dataBlock);
  return h('a', {
    className: ['block-link'],
    href: `#${String(el.properties.id)}`,
    ariaLabel: LABEL[kind] ?? 'Link to this block',
    dataPagefindIgnore: '',
  });
}

function transform(parent: Root | Element) {
  parent.children = parent.children.flatMap((node): RootContent[] => {
    if (node.type !== 'element') return [node];
    transform(node);
    if (node.properties.dataBlock === undefined || node.properties.id === undefined) return [node];
    if (node.properties.dataBlock === 'heading') {
      return [h('div', { className: ['heading-wrapper'] }, [node, control(node)])];
    }
    // A figure's caption must be its last child, so a pull quote's link goes in the caption.
    const caption = node.tagName === 'figure' ? node.children.findLast((c) => c.type === 'element' && c.tagName === 'figcaption') : undefined;
    (caption && caption.type === 'element' ? caption : node).children.push(control(node));
    return [node];
  }) as typeof parent.children;
}

export default function rehypeBlockLinks() {
  return (tree: Root) => transform(tree);
}
