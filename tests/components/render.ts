import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

let container: AstroContainer | undefined;

/** A component rendered to HTML with Astro's container API, and parsed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function render(component: any, props: Record<string, unknown>): Promise<{ html: string; tree: Root; text: string }> {
  container ??= await AstroContainer.create();
  const html = await container.renderToString(component, { props });
  const tree = fromHtml(html, { fragment: true });
  return { html, tree, text: toText(tree, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim() };
}

/** Every element under a tree or an element that passes the test. */
export function all(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    if (test(el)) found.push(el);
  });
  return found;
}

export const byTag = (tag: string) => (el: Element) => el.tagName === tag;
export const byClass = (name: string) => (el: Element) => Array.isArray(el.properties.className) && (el.properties.className as string[]).includes(name);

/**
 * Where rendered examples are kept for the browser tests (axe and layout in
 * tests/e2e/component-examples.spec.ts). npm test clears reports/ first, so
 * the browser always checks what this run rendered.
 */
export const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../reports/component-examples');

export function saveExample(component: string, example: string, html: string): void {
  mkdirSync(EXAMPLES_DIR, { recursive: true });
  const slug = `${component}--${example}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  writeFileSync(path.join(EXAMPLES_DIR, `${slug}.html`), html);
}
