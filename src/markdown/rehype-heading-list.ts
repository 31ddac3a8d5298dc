import type { MarkdownHeading } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { walk } from './walk';

const HEADING = /^h([1-6])$/;

/**
 * Lists an article's headings (level, id and words) where Astro's Markdown
 * processor puts a page's headings (`file.data.astro.headings`), for the
 * article's contents. rehype-slug gave each heading its id in stage 1.
 *
 * In place of Astro's rehypeHeadingIds, which wrote each "{" of a heading as
 * "${" (an escape for MDX, applied to Markdown too: "Budget {2017}" was
 * listed as "Budget ${2017}"), and walked the tree with unist-util-visit, at
 * 0.2 ms an article.
 */
export default function rehypeHeadingList() {
  return (tree: Root, file: VFile) => {
    const headings: MarkdownHeading[] = [];
    walk<Element>(tree, 'element', (node) => {
      const level = HEADING.exec(node.tagName)?.[1];
      if (level) headings.push({ depth: Number(level), slug: String(node.properties.id ?? ''), text: toString(node) });
    });
    const data = file.data as { astro?: { headings?: MarkdownHeading[] } };
    (data.astro ??= {}).headings = headings;
  };
}
