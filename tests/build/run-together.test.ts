import type { Element, ElementContent, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { builtFiles, builtPage } from '../support/built-site';

/*
 * Words run together where markup meets text ("thequotations", "Press
 * statementinferred"): a template that puts an element right against a word
 * with no space. The page looks fine to whoever wrote it, but a reader, a
 * screen reader, search and copy-and-paste all get one word. Checked on every
 * page of the built site, at every boundary between text and an inline element.
 */
const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'em', 'i', 'kbd', 'mark', 'q', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'data', 'dfn', 'label', 'output', 'button']);
const SKIP = new Set(['script', 'style', 'template', 'pre', 'textarea', 'svg', 'head']);
const LETTER = /\p{L}/u;

/** Text as read, without the elements no one reads. */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || SKIP.has(node.tagName) || node.properties.ariaHidden === 'true') return '';
  return node.children.map(textOf).join('');
}

function runTogether(tree: Root): string[] {
  const found: string[] = [];
  const visit = (parent: Root | Element) => {
    const children = (parent.children as ElementContent[]).filter((c) => c.type === 'text' || c.type === 'element');
    children.forEach((node, i) => {
      if (node.type === 'element' && !SKIP.has(node.tagName)) visit(node);
      const next = children[i + 1];
      if (!next) return;
      // Only where an inline element meets text or another inline element: blocks are separated by layout.
      const inline = (n: ElementContent) => n.type === 'text' || (n.type === 'element' && INLINE.has(n.tagName));
      if (!inline(node) || !inline(next) || (node.type === 'text' && next.type === 'text')) return;
      const before = textOf(node);
      const after = textOf(next);
      const last = before.at(-1) ?? '';
      const first = after[0] ?? '';
      // A letter against a letter, or a comma against a letter ("people,organisations").
      if ((LETTER.test(last) || last === ',') && LETTER.test(first)) {
        // An abbreviation's plural or possessive ("STPs") is one word by design.
        if (node.type === 'element' && node.tagName === 'abbr' && /^s\b/.test(after)) return;
        found.push(`…${before.slice(-20)}|${after.slice(0, 20)}…`);
      }
    });
  };
  visit(tree);
  return found;
}

const pages = builtFiles().filter((f) => f.endsWith('.html')).map((f) => f.replace(/index\.html$/, ''));

describe('no words run together around markup', () => {
  it.each(pages)('%s', (page) => {
    expect(runTogether(builtPage(page))).toEqual([]);
  });
});
