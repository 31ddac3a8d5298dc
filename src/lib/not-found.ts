import { editDistance } from './did-you-mean';

/**
 * Help for an address with no page: the words in it, to search for, and the
 * article slugs nearest to the slug it gives (edit distance, for a mistyped
 * or shortened link).
 */
export function wordsOfPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {}
  return decoded
    .replace(/^\/(articles|people|organisations|topics)\//, '/')
    .split(/[/\-_.+]+/)
    .filter((w) => /\p{L}/u.test(w) && !/^(index|html?)$/i.test(w))
    .join(' ')
    .trim();
}

/** Up to `max` slugs close to the one in the path: within a third of its length in edits, or starting with it. */
export function nearestSlugs(path: string, slugs: readonly string[], max = 3): string[] {
  const wanted = (/^\/articles\/([^/]+)/.exec(path)?.[1] ?? path.split('/').filter(Boolean).at(-1) ?? '').toLowerCase();
  if (wanted.length < 3) return [];
  return slugs
    .map((slug) => ({ slug, d: slug.startsWith(wanted) ? 0.5 : editDistance(wanted, slug) }))
    .filter(({ d }) => d <= Math.max(2, wanted.length / 3))
    .sort((a, b) => a.d - b.d || a.slug.localeCompare(b.slug))
    .slice(0, max)
    .map(({ slug }) => slug);
}
