import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { slugOf } from './file-data';

/**
 * Says who speaks, where they speak. A block quotation (:::quote) ends with
 * its speaker and their role at the time; a paragraph with quotations inside
 * it (:quote[…]) ends with a note naming whose words they are. Both are left
 * out of the search index (data-pagefind-ignore) and of the block's recorded
 * text, so search, block ids and fidelity see only the source's words.
 *
 * `speaker(id, slug)` gives "Chris Hopson, chief executive, NHS Providers"
 * for the article `slug` (the role at its date, lib/roles), passed in.
 */
const hasClass = (el: Element, name: string) => Array.isArray(el.properties.className) && (el.properties.className as unknown[]).includes(name);
const UNATTRIBUTED = 'a speaker the source does not name';

export default function rehypeQuotationSpeakers(options: { speaker: (id: string, slug: string) => string }) {
  return (tree: Root, file: VFile) => {
    const slug = slugOf(file) ?? '';
    const who = (el: Element) => (typeof el.properties.dataSpeaker === 'string' ? options.speaker(el.properties.dataSpeaker, slug) : UNATTRIBUTED);
    const inlineByBlock = new Map<Element, string[]>();
    const walk = (node: Root | Element, block: Element | undefined) => {
      const elements = (node.children as ElementContent[]).filter((c): c is Element => c.type === 'element');
      elements.forEach((child, i) => {
        const here = child.properties.dataBlock !== undefined ? child : block;
        walk(child, here);
        if (!hasClass(child, 'quotation')) return;
        if (child.tagName === 'div') {
          // A run of block quotations by one speaker is named once, at its end.
          const next = elements[i + 1];
          if (next && next.tagName === 'div' && hasClass(next, 'quotation') && next.properties.dataSpeaker === child.properties.dataSpeaker) return;
          child.children.push(h('p', { className: ['quotation__speaker'], dataPagefindIgnore: '' }, [h('span', { className: ['visually-hidden'] }, 'Speaker: '), who(child)]) as ElementContent);
        } else if (here) {
          // An inline quotation: noted once per block, at the end of the block that holds it.
          const names = inlineByBlock.get(here) ?? [];
          if (!names.includes(who(child))) names.push(who(child));
          inlineByBlock.set(here, names);
        }
      });
    };
    walk(tree, undefined);
    for (const [block, names] of inlineByBlock) {
      block.children.push({ type: 'text', value: ' ' }, h('span', { className: ['quotation-note'], dataPagefindIgnore: '' }, [h('span', { className: ['quotation-note__label'] }, 'Quoting:'), ` ${names.join('; ')}`]) as ElementContent);
    }
  };
}
