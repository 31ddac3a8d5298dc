import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';

/**
 * Records who speaks in which block (pull quotes, and quotes marked with a
 * speaker), so that search results and shared quotes can say who said the
 * words. The map goes to the page through Astro's remark-plugin frontmatter.
 */
export default function rehypeBlockSpeakers() {
  return (tree: Root, file: VFile) => {
    const speakers: Record<string, string> = {};
    const walk = (node: Root | Element, speaker: string | undefined) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const own = typeof child.properties.dataSpeaker === 'string' ? child.properties.dataSpeaker : speaker;
        if (own && child.properties.dataBlock !== undefined && typeof child.properties.id === 'string') {
          speakers[child.properties.id] = own;
        }
        walk(child, own);
      }
    };
    walk(tree, undefined);
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.blockSpeakers = speakers;
  };
}
