import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { entryExists, where, type EntityKind } from './content-lookup';

const ENTITY_LINK = /^\/(articles|people|organisations|topics)\/([^/#?]+)\/?(?:[#?].*)?$/;

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
      const match = ENTITY_LINK.exec(href);
      if (!match) return;
      const [, kind, id] = match as unknown as [string, EntityKind, string];
      if (!entryExists(options.contentDir, kind, id)) {
        throw new Error(
          `${where(file, node)}: broken link to ${href}: there is no ${kind} entry "${id}". Add content/${kind}/${id}${kind === 'articles' ? '.md' : '.yaml'} or correct the link.`,
        );
      }
    });
  };
}
