import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { QUOTED_LINKS_SHOWN } from '../../src/lib/quoted-from';
import { buildFixture } from '../support/fixture-build';
import { ECHO, ECHOED, MANY } from '../support/many-articles';
import { serveSite } from '../support/serve-site';

/*
 * A collection longer than one page of each list (tests/support/many-articles),
 * built and served for these tests alone: what a reader does with the lists
 * that run on, and with addresses shared before they did. The seed site's
 * lists fit one page each, so the other browser tests never reach these.
 */
let scratch = '';
let served: Awaited<ReturnType<typeof serveSite>> | undefined;
let origin = '';

// The fixture's build comes first, in the first test's time.
test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'policy-reader-long-lists-'));
  const built = buildFixture('many', MANY, scratch, { local: true });
  expect(built.status, built.output).toBe(0);
  served = await serveSite(built.out);
  origin = served.origin;
});

test.afterAll(() => {
  served?.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('an address of a year shared before the timeline ran on lands on the link onward, which opens that year', async ({ page }) => {
  await page.goto(`${origin}/timeline/#year-2018`);
  const target = page.locator(':target');
  await expect(target).toHaveText(/^2018 \(\d+\)$/);
  await target.getByRole('link', { name: '2018' }).click();
  await expect(page).toHaveURL(/\/timeline\/page\/2\/#year-2018$/);
  await expect(page.locator(':target')).toHaveText('2018');
});

test('an address of a speaker shared before the quotes ran on lands on the link onward, which opens their quotations', async ({ page }) => {
  await page.goto(`${origin}/quotes/#speaker-not-stated`);
  const target = page.locator(':target');
  await expect(target).toContainText('Speaker not stated');
  await target.getByRole('link').click();
  await expect(page).toHaveURL(/\/quotes\/page\/\d+\/#speaker-not-stated$/);
  await expect(page.locator(':target')).toHaveText('Speaker not stated');
  await expect(page.locator('section', { has: page.locator(':target') }).locator('blockquote, li')).not.toHaveCount(0);
});

test('a line many articles quote names a few where it stands, and “more” opens a search that finds every article holding it', async ({ page }) => {
  await page.goto(`${origin}/articles/note-001/`);
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
  await page.goto(`${origin}/people/`);
  await page.getByRole('link', { name: 'S', exact: true }).click();
  await expect(page).toHaveURL(/\/people\/page\/2\/#letter-s$/);
  await expect(page.locator(':target')).toHaveText('S');
  await expect(page.getByRole('link', { name: 'Sam Author' })).toBeVisible();
  await page.getByRole('link', { name: 'Previous page' }).click();
  await expect(page).toHaveURL(/\/people\/$/);
});
