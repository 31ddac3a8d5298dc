/**
 * A route's JSON file (the search page's lists, the pages lists start on):
 * one content type for all of them, so a host serves each the same way.
 */
export function jsonResponse(value: unknown): Response {
  return new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
