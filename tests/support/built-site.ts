import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { load as loadYaml } from 'js-yaml';
import { visit } from 'unist-util-visit';

/** Reads the built site in dist/ (npm test builds it first) and the content it came from. */
export const root = path.resolve(import.meta.dirname, '../..');
export const dist = path.join(root, 'dist');

export function builtPage(urlPath: string): Root {
  const file = path.join(dist, urlPath, urlPath.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`${file} does not exist: run "npm run build" first.`);
  return fromHtml(readFileSync(file, 'utf8'));
}

export function select(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    if (test(el)) found.push(el);
  });
  return found;
}

export const hasClass = (name: string) => (el: Element) =>
  Array.isArray(el.properties?.className) && (el.properties.className as string[]).includes(name);

export const text = (node: Root | Element) => toText(node, { whitespace: 'normal' });

export interface ContentArticle {
  id: string;
  file: string;
  data: {
    slug?: string;
    source: { capture: string; dropped?: { line: number; text: string }[] };
    [key: string]: unknown;
  };
}

export function contentArticles(): ContentArticle[] {
  const dir = path.join(root, 'content/articles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
    .map((f) => {
      const raw = readFileSync(path.join(dir, f), 'utf8');
      const front = /^---\n([\s\S]*?)\n---/.exec(raw)?.[1] ?? '';
      const data = loadYaml(front) as ContentArticle['data'];
      return { id: data.slug ?? f.replace(/\.md$/, ''), file: `content/articles/${f}`, data };
    });
}

export function captureLines(capture: string): string[] {
  return readFileSync(path.join(root, 'content/sources', capture), 'utf8').split('\n');
}

/** Every file of the built site, as URL paths ("/articles/x/index.html"). */
export function builtFiles(dir = dist): string[] {
  const walk = (sub: string): string[] =>
    readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(sub, entry.name)) : [`/${path.join(sub, entry.name).split(path.sep).join('/')}`],
    );
  return walk('');
}

/** The URL a static host serves an HTML file at: "/articles/x/index.html" → "/articles/x/". */
export const pageUrl = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

export const builtPages = (dir = dist) => builtFiles(dir).filter((f) => f.endsWith('.html'));

export function readBuilt(file: string, dir = dist): string {
  return readFileSync(path.join(dir, file), 'utf8');
}
