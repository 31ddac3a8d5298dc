import type { BrowserContext, Page, Route } from '@playwright/test';

/**
 * A route that refuses its requests until allowed, then lets them through, for a test of what a reader sees while a
 * file does not arrive and once it does. The route stays in place when allowed: removing it (`unroute`) while a
 * request it caught is on its way let that request hang for good, one run in twenty-five under load (a search's
 * filter files, asked for in the background after its results showed), so the page never heard back.
 */
export async function refusedUntilAllowed(
  target: BrowserContext | Page,
  url: string | RegExp | ((url: URL) => boolean),
  error: Parameters<Route['abort']>[0],
): Promise<{ allow: () => void }> {
  let refusing = true;
  await target.route(url, (route) => (refusing ? route.abort(error) : route.fallback()));
  return { allow: () => (refusing = false) };
}

/**
 * A route whose requests are never answered until allowed, as a connection that stalls (a captive portal, a train
 * entering a tunnel): no error ever reaches the page. Once allowed, new requests go through; those caught before stay
 * unanswered, as a stalled connection's would.
 */
export async function stalledUntilAllowed(
  target: BrowserContext | Page,
  url: string | RegExp | ((url: URL) => boolean),
): Promise<{ allow: () => void; held: () => number }> {
  let stalling = true;
  let held = 0;
  await target.route(url, (route) => {
    if (!stalling) return route.fallback();
    held++;
    // Never answered: the request stays open until the page or the browser gives it up.
    return new Promise<void>(() => undefined);
  });
  return { allow: () => (stalling = false), held: () => held };
}
