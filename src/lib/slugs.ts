/**
 * Slugs start every permalink (/articles/<slug>/#<block-id>), so they must be
 * short, readable, lower-case and never change once published.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 48;

/** Returns null for a good slug, or what is wrong with it in words. */
export function slugProblem(slug: string): string | null {
  if (!SLUG_PATTERN.test(slug)) {
    return `"${slug}" is not a valid slug: use lower-case letters, digits and single hyphens only (for example "view-from-westminster").`;
  }
  if (slug.length > MAX_SLUG_LENGTH) {
    return `"${slug}" is ${slug.length} characters long; keep slugs to ${MAX_SLUG_LENGTH} or fewer so links stay readable.`;
  }
  return null;
}
