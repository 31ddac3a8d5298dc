import type { VFile } from 'vfile';

/**
 * The article a plugin is working on: the loader puts its slug in the file's
 * data (where Astro's own Markdown pipeline keeps the front matter), so
 * plugins never guess it from a path.
 */
export function slugOf(file: VFile): string | undefined {
  const slug = (file.data as { astro?: { frontmatter?: { slug?: unknown } } }).astro?.frontmatter?.slug;
  return typeof slug === 'string' ? slug : undefined;
}
