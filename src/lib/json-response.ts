/**
 * A route's JSON file (the search page's lists, the pages lists start on):
 * one content type for all of them, so a host serves each the same way.
 */
export function jsonResponse(value: unknown): Response {
  return new Response(jsonText(value), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

/** The text of a route's JSON file: what jsonResponse sends, and what a build writes beside the pages (data/page-reuse's filesToRender). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value);
}
