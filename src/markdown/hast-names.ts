import type { Element, ElementContent, Root } from 'hast';
import type { Mention, NameMatcher } from '../lib/mentions';

const HEADING = /^h[1-6]$/;
const hasClass = (el: Element, name: string) =>
  Array.isArray(el.properties.className) && (el.properties.className as unknown[]).includes(name);

/**
 * Walks the text of an article body in reading order and lets `wrap` turn
 * the first chosen mention of each name into an element. Headings, pull
 * quotes (a repeat of the body) and labels are passed over; with
 * `outsideLinks`, so is the text of any link.
 */
export function wrapFirstMentions(
  tree: Root,
  matcher: NameMatcher,
  wrap: (mention: Mention) => Element | undefined,
  options: { outsideLinks: boolean },
): void {
  const done = new Set<string>();
  const skip = (el: Element) =>
    HEADING.test(el.tagName) ||
    (options.outsideLinks && el.tagName === 'a') ||
    el.tagName === 'abbr' ||
    hasClass(el, 'pull-quote') ||
    hasClass(el, 'block-note__label') ||
    hasClass(el, 'block-link');
  const visit = (parent: Root | Element) => {
    const children: ElementContent[] = [];
    for (const child of parent.children as ElementContent[]) {
      if (child.type === 'element') {
        if (!skip(child)) visit(child);
        children.push(child);
        continue;
      }
      if (child.type !== 'text') {
        children.push(child);
        continue;
      }
      let at = 0;
      for (const mention of matcher.find(child.value)) {
        if (done.has(mention.key)) continue;
        const element = wrap(mention);
        if (!element) continue;
        done.add(mention.key);
        if (mention.start > at) children.push({ type: 'text', value: child.value.slice(at, mention.start) });
        children.push(element);
        at = mention.end;
      }
      if (at === 0) children.push(child);
      else if (at < child.value.length) children.push({ type: 'text', value: child.value.slice(at) });
    }
    parent.children = children as typeof parent.children;
  };
  visit(tree);
}
