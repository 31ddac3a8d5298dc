import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { isSafeAddress, parseRoute, type EntityKind } from '../lib/routes';
import { where } from './where';
import { walk } from './walk';

/**
 * A link in an article to /people/<id>/ (or an article, organisation or
 * topic) must name an entry that exists, or the build fails: a broken link is
 * caught where it is written, not by a reader. No link or image may point at
 * a javascript:, data: or other address that runs or embeds something.
 */
export default function rehypeCheckInternalLinks(options: { entries: Readonly<Record<EntityKind, ReadonlySet<string>>> }) {
  return (tree: Root, file: VFile) => {
    walk<Element>(tree, 'element', (node) => {
      for (const attribute of ['href', 'src'] as const) {
        const address = node.properties?.[attribute];
        if (typeof address === 'string' && !isSafeAddress(address)) {
          throw new Error(
            `${where(file, node)}: the address ${JSON.stringify(address.slice(0, 60))} is not allowed in an article: links and images may point at this site, or at http, https or mailto addresses.`,
          );
        }
      }
      if (node.tagName !== 'a') return;
      const href = String(node.properties?.href ?? '');
      const route = parseRoute(href);
      if (!route) return;
      const { kind, id } = route;
      if (!options.entries[kind].has(id)) {
        throw new Error(
          `${where(file, node)}: broken link to ${href}: there is no ${kind} entry "${id}". Add content/${kind}/${id}${kind === 'articles' ? '.md' : '.yaml'} or correct the link.`,
        );
      }
    });
  };
}
