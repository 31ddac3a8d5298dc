import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { QUOTED_LINKS_SHOWN } from '../../src/lib/quoted-from';
import { ADDED, ECHO, ECHOED, MANY, UNUSED_TERMS } from '../support/many-articles';
import { horizontalOverflow } from './overflow';
import { AXE_TAGS } from './page-kinds';
import { glossaryTermAnchor, searchShardsUrl } from '../../src/lib/routes';
import type { ShardsManifest } from '../../src/lib/search-shards';
import { refusedUntilAllowed, stalledUntilAllowed } from '../support/refused-route';
import { SEARCH_WAIT_MS } from '../../src/lib/search-engine';
import { servedFixture } from '../support/served-fixture';

/*
 * A collection longer than one page of each list (tests/support/many-articles),
 * built and served for these tests alone: what a reader does with the lists
 * that run on, and with addresses shared before they did. The seed site's
 * lists fit one page each, so the other browser tests never reach these.
 */
const SHARD_PAGES = 30;

// The fixture's build comes first, in the first test's time.
test.describe.configure({ timeout: 240_000 });

// Its search index in shards of about SHARD_PAGES articles, as a collection of thousands has it (lib/search-shards).
const site = servedFixture('many', MANY, { POLICY_READER_SEARCH_SHARD_PAGES: String(SHARD_PAGES) });

test('an address of a year shared before the timeline ran on lands on the link onward, which opens that year', async ({ page }) => {
  await page.goto(`${site.origin}/timeline/#year-2018`);
  const target = page.locator(':target');
  await expect(target).toHaveText(/^2018 \(\d+\)$/);
  await target.getByRole('link', { name: '2018' }).click();
  await expect(page).toHaveURL(/\/timeline\/page\/2\/#year-2018$/);
  await expect(page.locator(':target')).toHaveText('2018');
});

test('an address of a speaker shared before the quotes ran on lands on the link onward, which opens their quotations', async ({ page }) => {
  await page.goto(`${site.origin}/quotes/#speaker-not-stated`);
  const target = page.locator(':target');
  await expect(target).toContainText('Speaker not stated');
  await target.getByRole('link').click();
  await expect(page).toHaveURL(/\/quotes\/page\/\d+\/#speaker-not-stated$/);
  await expect(page.locator(':target')).toHaveText('Speaker not stated');
  await expect(page.locator('section', { has: page.locator(':target') }).locator('blockquote, li')).not.toHaveCount(0);
});

test('an address of a term shared while the glossary was one page is sent on to the page the term stands on now', async ({ page }) => {
  const id = glossaryTermAnchor(UNUSED_TERMS.at(-1)!);
  await page.goto(`${site.origin}/glossary/`);
  await expect(page.locator(`#${id}`)).toHaveCount(0);
  await page.goto(`${site.origin}/glossary/#${id}`);
  await expect(page).toHaveURL(new RegExp(`/glossary/page/\\d+/#${id}$`));
  await expect(page.locator(':target dt')).toHaveText(UNUSED_TERMS.at(-1)!);
  await expect(page.locator(':target')).toBeInViewport();
});

test('an address of a later page of the glossary whose term has moved to another page is sent on to it', async ({ page }) => {
  // As when terms added before it move a term from the page its address names: GN stands on the first page.
  const id = glossaryTermAnchor('GN');
  await page.goto(`${site.origin}/glossary/page/2/#${id}`);
  await expect(page).toHaveURL(new RegExp(`/glossary/#${id}$`));
  await expect(page.locator(':target dt')).toHaveText('GN');
  await page.goto(`${site.origin}/glossary/page/2/#term-no-such-abbreviation`);
  await expect(page.getByRole('status').filter({ hasText: 'The link you followed' })).toContainText('Its first page says which terms each page holds.');
});

test('an address of a later page of the timeline or of the people whose year or letter has moved is sent on to it', async ({ page }) => {
  // As when entries added before it move a year or a letter from the page its address names: 2015 (the base content's
  // article) and A stand on the first pages only.
  await page.goto(`${site.origin}/timeline/page/2/#year-2015`);
  await expect(page).toHaveURL(/\/timeline\/#year-2015$/);
  await expect(page.locator(':target')).toHaveText('2015');
  await page.goto(`${site.origin}/people/page/2/#letter-a`);
  await expect(page).toHaveURL(/\/people\/#letter-a$/);
  await expect(page.locator(':target')).toHaveText('A');
  await page.goto(`${site.origin}/people/page/2/#letter-q`);
  await expect(page.getByRole('status').filter({ hasText: 'The link you followed' })).toContainText('a letter no name in the list starts with');
});

test('an address of a later page of the organisations whose letter has moved is sent on to it', async ({ page }) => {
  // The fixture's organisations under E fill the first page, so E stands on it only.
  await page.goto(`${site.origin}/organisations/page/2/#letter-e`);
  await expect(page).toHaveURL(/\/organisations\/#letter-e$/);
  await expect(page.locator(':target')).toHaveText('E');
  await page.goto(`${site.origin}/organisations/page/2/#letter-q`);
  await expect(page.getByRole('status').filter({ hasText: 'The link you followed' })).toContainText('a letter no name in the list starts with');
});

test.describe('at a phone’s 320 px', () => {
  test.use({ viewport: { width: 320, height: 800 } });
  test('the first pages of the long lists, with their guide words, have no horizontal scroll', async ({ page }) => {
    for (const path of ['/articles/', '/people/', '/glossary/']) {
      await page.goto(`${site.origin}${path}`);
      await expect(page.locator('nav.page-ranges')).toBeVisible();
      expect(await horizontalOverflow(page), path).toEqual([]);
    }
  });

  test('every page of the long lists, with their indexes of letters and years and their pagers, has no horizontal scroll', async ({ page }) => {
    for (const list of ['articles', 'people', 'organisations', 'glossary', 'quotes', 'timeline']) {
      for (const path of [`/${list}/`, `/${list}/page/2/`]) {
        await page.goto(`${site.origin}${path}`);
        await expect(page.getByRole('navigation', { name: /pages/i }).first()).toBeVisible();
        expect(await horizontalOverflow(page), path).toEqual([]);
      }
    }
  });
});

test('an address of a term the glossary does not have says so on its first page', async ({ page }) => {
  await page.goto(`${site.origin}/glossary/#term-no-such-abbreviation`);
  await expect(page.getByRole('status').filter({ hasText: 'The link you followed' })).toContainText('“#term-no-such-abbreviation”, a term the glossary does not have');
  await expect(page).toHaveURL(/\/glossary\/#term-no-such-abbreviation$/);
});

test('the pages of every list that runs on, with their letters, years, guide words and pager, have no axe violations', async ({ page }) => {
  for (const list of ['glossary', 'people', 'organisations', 'articles', 'quotes', 'timeline']) {
    for (const path of [`/${list}/`, `/${list}/page/2/`]) {
      await page.goto(`${site.origin}${path}`);
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(results.violations, path).toEqual([]);
    }
  }
});

test('a line many articles quote names a few where it stands, and “more” opens a search that finds every article holding it', async ({ page }) => {
  await page.goto(`${site.origin}/articles/note-001/`);
  const note = page.locator('.xref', { hasText: 'Quoted in:' });
  await expect(note.getByRole('link', { name: /^Generated note number/ })).toHaveCount(QUOTED_LINKS_SHOWN);
  const more = ECHOED - 1 - QUOTED_LINKS_SHOWN;
  await note.getByRole('link', { name: `${more} more article${more === 1 ? '' : 's'}` }).click();
  await expect(page).toHaveURL(/\/search\/\?q=/);
  await expect(page.locator('#search-status')).toHaveText(new RegExp(`^${ECHOED} results? for .+${ECHO}`));
  const titles = await page.locator('.search-result__title').allTextContents();
  for (let i = 1; i <= ECHOED; i++) expect(titles.join('\n')).toContain(`Generated note number ${String(i).padStart(3, '0')}`);
});

test('the people come a page at a time under their initial letters, and a letter on a later page is a link away', async ({ page }) => {
  await page.goto(`${site.origin}/people/`);
  await page.getByRole('link', { name: 'S', exact: true }).click();
  await expect(page).toHaveURL(/\/people\/page\/2\/#letter-s$/);
  await expect(page.locator(':target')).toHaveText('S');
  await expect(page.getByRole('link', { name: 'Sam Author' })).toBeVisible();
  await page.getByRole('link', { name: 'Previous page' }).click();
  await expect(page).toHaveURL(/\/people\/$/);
});

test.describe('a search index in shards', () => {
  /** The dates of every result, "Show more" pressed until none is left. */
  async function allResultDates(page: import('@playwright/test').Page): Promise<number[]> {
    const more = page.locator('#search-more');
    while (await more.isVisible()) {
      const shown = await page.locator('#search-results > li').count();
      await more.click();
      await expect(page.locator('#search-results > li')).not.toHaveCount(shown);
    }
    const metas = await page.locator('#search-results .search-result__meta').allTextContents();
    return metas.map((meta) => Date.parse(meta.split(' · ').at(-1)!));
  }

  test('is cut into several shards, whose results a search merges', async ({ page, request }) => {
    const { shards } = (await (await request.get(`${site.origin}${searchShardsUrl}`)).json()) as ShardsManifest;
    expect(shards.length).toBeGreaterThan(1);
    await page.goto(`${site.origin}/search/?q=matters`);
    await expect(page.locator('#search-status')).toHaveText(/^[\d,]+ results?/);
    const total = Number((await page.locator('#search-status').textContent())?.match(/^([\d,]+) results?/)?.[1]?.replace(',', ''));
    expect(total).toBeGreaterThan(SHARD_PAGES * (shards.length - 1));
  });

  test('sorted by date, lists every result newest first across the shards', async ({ page }) => {
    await page.goto(`${site.origin}/search/?q=matters&sort=date`);
    await expect(page.locator('#search-results > li').first()).toBeVisible();
    const dates = await allResultDates(page);
    expect(dates.length).toBeGreaterThan(SHARD_PAGES * 2);
    expect(dates.every((d) => !Number.isNaN(d))).toBe(true);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  test('with a word chunk of a later shard refused, says the search could not be finished rather than show fewer results, and works once it loads', async ({ page }) => {
    // The context's route, as Pagefind fetches from a worker of the page.
    const later = (url: URL) => /\/pagefind\/shard-\d+\/index\//.test(url.pathname);
    const refused = await refusedUntilAllowed(page.context(), later, 'accessdenied');
    await page.goto(`${site.origin}/search/?q=matters`);
    await expect(page.locator('#search-status')).toHaveText(/^The search could not be finished\./);
    refused.allow();
    await page.getByLabel('Words, a phrase, or a quote to find who said it').press('Enter');
    await expect(page.locator('#search-status')).toHaveText(/^[\d,]+ results? for “matters”/);
  });

  test('with a word chunk of a later shard never answered, says after a while that the search could not be finished, and once it arrives finds what a reader whose files all arrived finds', async ({ page, browser }) => {
    await page.clock.install();
    const later = (url: URL) => /\/pagefind\/shard-\d+\/index\//.test(url.pathname);
    const stalled = await stalledUntilAllowed(page.context(), later);
    await page.goto(`${site.origin}/search/?q=matters`);
    await expect.poll(() => stalled.held()).toBeGreaterThan(0);
    // Pagefind, with every shard merged into it, is given up and set up afresh, shards and all, for the next search.
    await expect
      .poll(async () => {
        await page.clock.fastForward(SEARCH_WAIT_MS);
        return page.locator('#search-status').textContent();
      })
      .toMatch(/^The search could not be finished\./);
    stalled.allow();
    await page.getByLabel('Words, a phrase, or a quote to find who said it').press('Enter');
    await expect(page.locator('#search-status')).toHaveText(/^[\d,]+ results? for “matters”/);
    const other = await browser.newPage();
    await other.goto(`${site.origin}/search/?q=matters`);
    await expect(other.locator('#search-status')).toHaveText(/^[\d,]+ results? for “matters”/);
    expect(await page.locator('#search-status').textContent()).toBe(await other.locator('#search-status').textContent());
    await other.close();
  });

  test('with a later shard’s filter files refused, builds no filters rather than filters with its values and counts left out, and builds them whole once they load', async ({ page, browser }) => {
    const later = (url: URL) => /\/pagefind\/shard-\d+\/filter\//.test(url.pathname);
    // The page's own check of them, apart from Pagefind's requests (from its worker, whose script is the referrer).
    let checks = 0;
    let refusing = true;
    await page.context().route(later, async (route) => {
      if (!refusing) return route.fallback();
      if (!(await route.request().headerValue('referer'))?.endsWith('/pagefind-worker.js')) checks++;
      return route.abort('accessdenied');
    });
    await page.goto(`${site.origin}/search/?q=matters`);
    await expect(page.locator('#search-status')).toHaveText(/^[\d,]+ results? for “matters”/);
    await expect.poll(() => checks).toBeGreaterThan(0);
    await expect(page.locator('#search-filters fieldset')).toHaveCount(0);
    // The connection comes back. The route stays (tests/support/refused-route: a request caught while its route is
    // removed can hang for good); one whose refusal is under way (its handler awaits the header above) is refused.
    refusing = false;
    await page.getByLabel('Words, a phrase, or a quote to find who said it').press('Enter');
    const years = (p: import('@playwright/test').Page) => p.getByRole('group', { name: 'Year' }).getByRole('checkbox');
    await expect(years(page).first()).toHaveAccessibleName(/\([\d,]+(, [\d,]+ inferred)?\)$/);
    // As a reader whose files all arrived sees them.
    const other = await browser.newPage();
    await other.goto(`${site.origin}/search/?q=matters`);
    await expect(years(other).first()).toHaveAccessibleName(/\([\d,]+(, [\d,]+ inferred)?\)$/);
    const labels = (p: import('@playwright/test').Page) => years(p).evaluateAll((boxes) => boxes.map((b) => b.closest('div')?.textContent?.trim()));
    expect(await labels(page)).toEqual(await labels(other));
    await other.close();
  });

  test('notices a new version of the site that changed only a later shard’s index at the next search, and loads the page again with the search', async ({ page, request }) => {
    const listed = await (await request.get(`${site.origin}${searchShardsUrl}`)).text();
    const last = (JSON.parse(listed) as ShardsManifest).shards.at(-1)!.index;
    // The list of shards as a new version publishes it, once, when the test says: the same but for its last shard's
    // index, made anew. Until then, and after, the real list.
    const changed = listed.replace(last, `${last.slice(0, -1)}${last.endsWith('0') ? '1' : '0'}`);
    expect(changed).not.toBe(listed);
    let publish = false;
    await page.route(`**${searchShardsUrl}`, (route) => {
      if (!publish) return route.continue();
      publish = false;
      return route.fulfill({ body: changed, contentType: 'application/json' });
    });
    await page.goto(`${site.origin}/search/?q=matters`);
    await expect(page.locator('#search-status')).toHaveText(/^[\d,]+ results? for “matters”/);
    // The first search done, its filters counted too: nothing of it still reads the list.
    await expect(page.getByRole('group', { name: 'Year' }).getByRole('checkbox').first()).toBeVisible();
    publish = true;
    // The same search again, submitted (typing would search on its own after a pause).
    await page.getByLabel('Words, a phrase, or a quote to find who said it').press('Enter');
    await expect(page.locator('#search-status')).toContainText('The collection was updated while this page was open; these results are from the new version.');
    await expect(page.locator('#search-status')).toHaveText(/^[\d,]+ results? for “matters”/);
    await expect(page.getByLabel('Words, a phrase, or a quote to find who said it')).toHaveValue('matters');
  });

  test('finds an exact phrase of the newest shard’s article from the index of adjacent words, and lands on it', async ({ page }) => {
    const n = String(ADDED).padStart(3, '0');
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent(`"note ${n} matters"`)}`);
    const first = page.locator('#search-results > li').first();
    await expect(first).toContainText(`Generated note number ${n}`);
    await first.getByRole('link', { name: `Generated note number ${n}` }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/note-${n}/`));
  });
});
