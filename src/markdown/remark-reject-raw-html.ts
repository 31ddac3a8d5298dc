import type { Html, Root } from 'mdast';
import type { VFile } from 'vfile';
import { where } from './where';
import { walk } from './walk';

/**
 * A transcription has no use for raw HTML: an article body is the source's
 * words in Markdown. Any HTML in it (a tag, a comment) fails the build where
 * it is written, so content can never inject markup or script; the page's
 * CSP is a second line, not the first.
 */
export default function remarkRejectRawHtml() {
  return (tree: Root, file: VFile) => {
    walk<Html>(tree, 'html', (node) => {
      const shown = node.value.replace(/\s+/g, ' ').slice(0, 60);
      throw new Error(
        `${where(file, node)}: raw HTML is not allowed in an article body (${JSON.stringify(shown)}). Write the source's words as Markdown; to show a "<" as text, write \\<.`,
      );
    });
  };
}
