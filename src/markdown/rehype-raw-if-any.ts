import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';
import { walk } from './walk';

/**
 * rehype-raw, run only on a tree that holds raw HTML. rehype-raw sends the
 * whole tree through an HTML parser again to fold raw HTML into it: about
 * half of what the last stage of rendering cost an article. An article body
 * holds none (remark-reject-raw-html fails the build on it), so for every
 * article it was a costly copy (0.85 ms an article; the 5,000 bench articles'
 * pages came out byte for byte the same without it). The one difference it
 * made to a tree without raw HTML is the spelling of an empty attribute (a
 * footnote's data-footnote-ref=""), the same to a browser. It stays in the
 * pipeline for a tree that does hold raw HTML, so that such HTML is parsed,
 * as Astro's own Markdown processor parses it, not written out as it came.
 */
export default function rehypeRawIfAny() {
  const raw = rehypeRaw() as unknown as (tree: Root, file: VFile) => Root;
  return (tree: Root, file: VFile): Root | undefined => {
    let found = false;
    walk(tree, 'raw', () => {
      found = true;
      return false;
    });
    return found ? raw(tree, file) : undefined;
  };
}
