// Time from typing a query on /search/ to the first result shown, in Chromium.
// Timed inside the page (input event → first .search-result in the DOM), so
// the figure is what a reader waits, including the search box's 200 ms pause
// for more typing, and not the test driver's round trips.
import { chromium } from '@playwright/test';

const RUNS = 5;
// Word queries and a phrase: a reader types either.
const COLD_QUERIES = ['leadership', 'regulation', '"genuine service improvement"', 'trusts', 'board'];
const WARM_QUERIES = ['providers', 'improvement', '"system leadership"', 'finance', 'Monitor'];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Types `query` into the search box and resolves with the ms until a result shows. */
function typeAndTime(page, query) {
  return page.evaluate(
    (q) =>
      new Promise((resolve, reject) => {
        const input = document.getElementById('search-q');
        const list = document.getElementById('search-results');
        list.replaceChildren();
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (list.querySelector('.search-result')) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(list, { childList: true, subtree: true });
        setTimeout(() => reject(new Error(`no result for ${q} within 10 s`)), 10_000);
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
}

/**
 * cold: a fresh browser profile opens /search/ and types its first query, so
 *   the index chunks for it are fetched for the first time;
 * warm: the same page then takes a different query, with Pagefind and its
 *   WebAssembly already loaded.
 */
export async function measureSearch({ base, chromePath, flags = [] }) {
  const browser = await chromium.launch({ executablePath: chromePath, args: flags });
  const cold = [];
  const warm = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/search/`);
      await page.locator('#search-q').waitFor();
      await page.waitForLoadState('networkidle');
      cold.push(await typeAndTime(page, COLD_QUERIES[run % COLD_QUERIES.length]));
      warm.push(await typeAndTime(page, WARM_QUERIES[run % WARM_QUERIES.length]));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { cold: median(cold), warm: median(warm), runs: RUNS };
}
