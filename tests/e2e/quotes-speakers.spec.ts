import { expect, test } from '@playwright/test';
import { GROUP_INDEX_LIMIT } from '../../src/lib/paging';
import { QUOTES_PAGE_SIZE } from '../../src/lib/routes';
import { write } from '../support/fixture-build';
import { servedFixture } from '../support/served-fixture';

/*
 * Past GROUP_INDEX_LIMIT speakers the quotes' first page lists their initial
 * letters, not each speaker. An address shared while it listed each one
 * (/quotes/#speaker-x) must still reach that speaker. The fixture: the base
 * content and one article quoting more speakers than that, one line each,
 * so the quotes run on to a second page.
 */
const SPEAKERS = GROUP_INDEX_LIMIT + 20;
const id = (i: number) => `voice-${String(i).padStart(3, '0')}`;
const name = (i: number) => `Voice Number ${String(i).padStart(3, '0')}`;
const lines = Array.from({ length: SPEAKERS }, (_, i) => `${name(i)} said “:quote[line ${i} of many]{speaker="${id(i)}"}”.`);
const VOICES = Object.fromEntries([
  ['articles/voices.md', write(`---\ntitle: "Many voices"\ntitleSource: source\npublished: "2016-03-01"\ntopics: [sample-topic]\nsource:\n  capture: voices.txt\n---\n\n${lines.join('\n\n')}\n`)],
  ['sources/voices.txt', write(`Many voices\n\n${lines.map((l) => l.replace(/:quote\[([^\]]*)\]\{[^}]*\}/, '$1')).join('\n\n')}\n`)],
  ...Array.from({ length: SPEAKERS }, (_, i) => [`people/${id(i)}.yaml`, write(`name: "${name(i)}"\n`)]),
]);

test.describe.configure({ timeout: 180_000 });

const site = servedFixture('voices', VOICES);

test('an address of a speaker whose quotations now start on a later page is sent on to them', async ({ page }) => {
  // The last speaker by name: past the first page's QUOTES_PAGE_SIZE quotations, and not the first of their letter.
  expect(SPEAKERS).toBeGreaterThan(QUOTES_PAGE_SIZE);
  const last = SPEAKERS - 1;
  await page.goto(`${site.origin}/quotes/`);
  await expect(page.locator(`#speaker-${id(last)}`)).toHaveCount(0);
  await page.goto(`${site.origin}/quotes/#speaker-${id(last)}`);
  await expect(page).toHaveURL(new RegExp(`/quotes/page/\\d+/#speaker-${id(last)}$`));
  await expect(page.locator(':target')).toHaveText(name(last));
  await expect(page.locator(':target')).toBeInViewport();
});

test('past a page of speakers, the first page says which speakers each page holds, and each is a link away', async ({ page }) => {
  await page.goto(`${site.origin}/quotes/`);
  const byPage = page.getByRole('navigation', { name: 'Speakers by page' });
  // One quotation each (besides the base content's speaker, first by name): the second page starts with the voice
  // after the first page's last and ends with the last voice.
  const first = await byPage.getByRole('listitem').first().textContent();
  const last = Number(/^Page 1: .+ to Voice Number (\d{3})$/.exec(first ?? '')?.[1]);
  expect(last).toBeGreaterThan(0);
  await expect(byPage.getByRole('listitem').nth(1)).toHaveText(`Page 2: ${name(last + 1)} to ${name(SPEAKERS - 1)}`);
  await byPage.getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/\/quotes\/page\/2\/$/);
  await expect(page.getByRole('heading', { level: 2, name: name(last + 1) })).toBeVisible();
});

test('an address of a later page of the quotes whose speaker has moved to another page is sent on to them', async ({ page }) => {
  // As when speakers added before them move a speaker from the page its address names: the first voice stands on the first page.
  await page.goto(`${site.origin}/quotes/page/2/#speaker-${id(0)}`);
  await expect(page).toHaveURL(new RegExp(`/quotes/#speaker-${id(0)}$`));
  await expect(page.locator(':target')).toHaveText(name(0));
});

test('an address of a speaker the quotes do not have says so on the first page', async ({ page }) => {
  await page.goto(`${site.origin}/quotes/#speaker-nobody-at-all`);
  await expect(page.getByRole('status').filter({ hasText: 'The link you followed' })).toContainText('“#speaker-nobody-at-all”, a speaker with no quotations in the collection');
  await expect(page).toHaveURL(/\/quotes\/#speaker-nobody-at-all$/);
});
