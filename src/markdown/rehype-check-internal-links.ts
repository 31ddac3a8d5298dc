import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseRoute } from '../lib/routes';
import { entryExists, where } from './content-lookup';

/**
 * A link in an article to /people/<id>/ (or an article, organisation or
 * topic) must name an entry that exists, or the build fails: a broken link is
 * caught where it is written, not by a reader.
 */
export default function rehypeCheckInternalLinks(options: { contentDir: string }) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      const href = String(node.properties?.href ?? '');
      const route = parseRoute(href);
      if (!route) return;
      const { kind, id } = route;
      if (!entryExists(options.contentDir, kind, id)) {
        throw new Error(
          `${where(file, node)}: broken link to ${href}: there is no ${kind} entry "${id}". Add content/${kind}/${id}${kind === 'articles' ? '.md' : '.yaml'} or correct the link.`,
        );
      }
    });
  };
}
