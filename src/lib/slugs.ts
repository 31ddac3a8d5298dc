/**
 * Slugs start every permalink (/articles/<slug>/#<block-id>), so they must be
 * short, readable, lower-case and never change once published.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 48;

/** Slugs that name pages of their own under /articles/ (the list's further pages, /articles/page/2/). */
export const RESERVED_SLUGS = ['page'] as const;

/** Returns null for a good slug, or what is wrong with it in words. */
export function slugProblem(slug: string): string | null {
  if ((RESERVED_SLUGS as readonly string[]).includes(slug)) {
    return `"${slug}" is kept for the site's own pages (/articles/${slug}/2/ is the second page of the list of articles): choose another slug.`;
  }
  if (!SLUG_PATTERN.test(slug)) {
    return `"${slug}" is not a valid slug: use lower-case letters, digits and single hyphens only (for example "view-from-westminster").`;
  }
  if (slug.length > MAX_SLUG_LENGTH) {
    return `"${slug}" is ${slug.length} characters long; keep slugs to ${MAX_SLUG_LENGTH} or fewer so links stay readable.`;
  }
  return null;
}
