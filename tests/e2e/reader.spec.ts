import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { contentArticles } from '../support/built-site';

test.describe('a reader browsing the collection', () => {
  test('the home page says what the collection is and lists the newest articles first, linking to all of them', async ({ page, request }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Policy Reader');
    await expect(page.getByText(/creation and reform of NHS Improvement/).first()).toBeVisible();
    // The collection in date order, as its data export lists it.
    const all = ((await (await request.get('/data/articles.json')).json()) as { title: string }[]).map((a) => a.title);
    await expect(page.locator('.intro')).toContainText(`${all.length.toLocaleString('en-GB')} piece`);
    const shown = await page.locator('.article-summary__title').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(all.slice(0, shown.length));
    if (shown.length < all.length) await expect(page.getByRole('link', { name: `All ${all.length.toLocaleString('en-GB')} articles, newest first` })).toHaveAttribute('href', '/articles/');
  });

  test('the articles page lists every article newest first, the editors’ estimated dates labelled (seed articles in their order)', async ({ page }) => {
    // Every page of the list, in order.
    const titles: string[] = [];
    let estimatedOn = '';
    for (let next: string | null = '/articles/'; next; ) {
      await page.goto(next);
      const here = await page.locator('.article-summary__title').allTextContents();
      if (here.includes('Leadership: The first 100 days of the new government')) estimatedOn = next;
      titles.push(...here);
      next = (await page.locator('.pager a[rel="next"]').count()) > 0 ? await page.locator('.pager a[rel="next"]').getAttribute('href') : null;
    }
    const seeds = [
      'New structure could herald a profound shift in the way the NHS is led',
      'The creation of NHS Improvement comes at a critical time for the NHS',
      'We need inspiration and system leadership, health leaders tell incoming NHS Improvement CEO',
      'What do leaders want from NHS Improvement? The view from Westminster',
      'Leadership: The first 100 days of the new government',
    ];
    expect(titles.filter((t) => seeds.includes(t))).toEqual(seeds);
    await page.goto(estimatedOn);
    const estimated = page.locator('.article-summary', { hasText: 'Leadership: The first 100 days' });
    await expect(estimated).toContainText('c. August 2015');
    await expect(estimated).toContainText('inferred date');
  });

  test('following an article from the articles page shows its title, metadata and body (seed article)', async ({ page }) => {
    await page.goto('/articles/');
    await page.getByRole('link', { name: 'What do leaders want from NHS Improvement? The view from Westminster' }).click();
    await expect(page).toHaveURL(/\/articles\/view-from-westminster\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'What do leaders want from NHS Improvement? The view from Westminster',
    );
    const meta = page.locator('.article-meta');
    await expect(meta).toContainText('Blog post');
    await expect(meta).toContainText('30 September 2015');
    await expect(meta.getByRole('link', { name: 'Stephen Dorrell' })).toHaveAttribute('href', '/people/stephen-dorrell/');
    await expect(meta.getByRole('link', { name: 'Nuffield Trust' })).toBeVisible();
    await expect(page.locator('.article-body')).toContainText(
      'Most importantly, the new team will need to show quickly that its primary focus is genuine service improvement.',
    );
    await expect(page.locator('.cite-block')).toContainText('Dorrell (2015)');
  });

  test('an article whose source states little says so, and shows the editors’ inferences as inferences', async ({ page }) => {
    await page.goto('/articles/critical-time-for-the-nhs/');
    await expect(page.getByText('Title supplied by the editors')).toBeVisible();
    const meta = page.locator('.article-meta');
    await expect(meta).toContainText('Author not stated in the source');
    await expect(meta).toContainText('Publisher not stated in the source');
    await expect(meta).toContainText('Kind not stated in the source');
    await expect(meta).toContainText('c. 2016');
    await expect(meta.locator('.article-meta__line .inferred-tag')).toHaveText('inferred');
    await expect(meta).toContainText('Editor’s inference: The source states no date.');
  });

  test('older and newer links walk the collection in date order', async ({ page }) => {
    await page.goto('/articles/inspiration-and-system-leadership/');
    await page.getByRole('link', { name: /^Newer/ }).click();
    await expect(page).toHaveURL(/\/articles\/critical-time-for-the-nhs\/$/);
    await page.getByRole('link', { name: /^Older/ }).click();
    await page.getByRole('link', { name: /^Older/ }).click();
    await expect(page).toHaveURL(/\/articles\/view-from-westminster\/$/);
  });

  test('the provenance panel lists the dropped lines and links the raw capture, served byte for byte', async ({ page, request }) => {
    await page.goto('/articles/view-from-westminster/');
    const provenance = page.locator('#provenance');
    await expect(provenance.getByRole('row', { name: /39 .*Comments/ })).toBeVisible();
    await provenance.getByText('Show the raw capture').click();
    await expect(provenance.locator('pre')).toContainText('Suggested citation');
    const href = await provenance.getByRole('link', { name: '000_3e0adf041d1e99ab.txt' }).getAttribute('href');
    const response = await request.get(href!);
    expect(response.status()).toBe(200);
    const original = readFileSync(path.resolve('content/sources/000_3e0adf041d1e99ab.txt'));
    expect(Buffer.compare(await response.body(), original)).toBe(0);
  });

  test('a contributor in the notes to editors links to their page, which states their role and its source', async ({ page }) => {
    await page.goto('/articles/inspiration-and-system-leadership/');
    await page.locator('.article-body').getByRole('link', { name: 'Prof Jane Dacre' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jane Dacre');
    await expect(page.locator('.role-list')).toContainText('Prof Jane Dacre, President, Royal College of Physicians');
    await expect(page.locator('.role-list')).toContainText('30 September 2015');
  });

  test('a quotation says who speaks and their role then; a paragraph quoting someone says whose words (seed article)', async ({ page }) => {
    await page.goto('/articles/inspiration-and-system-leadership/');
    const block = page.locator('div.quotation[data-speaker="chris-hopson"]').first();
    await expect(block.locator('.quotation__speaker')).toHaveText('Speaker: Chris Hopson, chief executive, NHS Providers');
    // Set apart by a rule in the margin, not a box.
    expect(await block.evaluate((el) => getComputedStyle(el).borderLeftWidth)).toBe('2px');
    const quoting = page.locator('p[data-block]', { has: page.locator('span.quotation[data-speaker="stephen-dorrell"]') }).first();
    await expect(quoting.locator('.quotation-note')).toHaveText('Quoting: Stephen Dorrell, former Secretary of State for Health');
  });

  test('the quotes page gives each quotation its speaker’s role at the time (seed articles)', async ({ page }) => {
    await page.goto('/quotes/');
    const hopson = page.locator('section', { has: page.getByRole('heading', { name: 'Chris Hopson' }) });
    await expect(hopson.locator('.quote-list__role').first()).toHaveText('as chief executive, NHS Providers');
  });

  test('a quotation that stands first in another article points at that original (seed articles: Dorrell quoted from his own post)', async ({ page }) => {
    await page.goto('/quotes/');
    const dorrell = page.locator('section', { has: page.getByRole('heading', { name: 'Stephen Dorrell' }) });
    const original = dorrell.locator('.quote-list__original').first();
    await expect(original).toContainText('First in What do leaders want from NHS Improvement? The view from Westminster');
    await original.getByRole('link').click();
    await expect(page).toHaveURL(/\/articles\/view-from-westminster\/#p-[0-9a-f]{8}$/);
  });

  test('a mistyped address gets a 404 page with a way back to the articles', async ({ page }) => {
    const response = await page.goto('/articles/no-such-article/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Browse all articles' }).click();
    await expect(page).toHaveURL(/\/articles\/$/);
  });

  test('a mistyped article address offers a search for its words and the nearest article, keeping the #block (seed article)', async ({ page }) => {
    const response = await page.goto('/articles/view-from-westminstr/#p-1234abcd');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('link', { name: 'Search for “view from westminstr”' })).toHaveAttribute('href', '/search/?q=view%20from%20westminstr');
    const nearest = page.getByRole('heading', { name: 'Articles with a similar address' }).locator('..').getByRole('link');
    await expect(nearest).toHaveText(['What do leaders want from NHS Improvement? The view from Westminster']);
    await expect(nearest).toHaveAttribute('href', '/articles/view-from-westminster/#p-1234abcd');
  });

  test('a link to a paragraph the article does not have says so above the text, instead of silently opening at the top', async ({ page }) => {
    const first = contentArticles()[0]!.id;
    await page.goto(`/articles/${first}/#p-00000000`);
    await expect(page.getByRole('status').filter({ hasText: '#p-00000000' })).toContainText('is not a paragraph of this article');
    // A real paragraph's link shows no such notice.
    const id = await page.locator('article [data-block="paragraph"]').first().getAttribute('id');
    await page.goto(`/articles/${first}/#${id}`);
    await expect(page.locator('.fragment-notice')).toHaveCount(0);
  });

  test('a link whose fragment is not valid percent-encoding says so like any unknown paragraph, and breaks none of the page’s scripts', async ({ page }) => {
    const first = contentArticles()[0]!.id;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`/articles/${first}/?highlight=the#p-%E0%A4`);
    await expect(page.getByRole('status').filter({ hasText: '#p-%E0%A4' })).toContainText('is not a paragraph of this article');
    // The search highlight still marks its words, and the page's other scripts ran to the end.
    await expect(page.locator('article mark').first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a link cut short or with punctuation stuck to it offers the paragraph it meant, one click away', async ({ page }) => {
    const first = contentArticles()[0]!.id;
    await page.goto(`/articles/${first}/`);
    const paragraph = page.locator('article [data-block="paragraph"]').nth(1);
    const id = (await paragraph.getAttribute('id'))!;
    const words = ((await paragraph.textContent()) ?? '').trim().split(/\s+/).slice(0, 3).join(' ');
    for (const broken of [id.slice(0, -1), `${id}).`]) {
      await page.goto(`/articles/${first}/#${broken}`);
      const notice = page.locator('.fragment-notice');
      await expect(notice).toContainText('The nearest is the passage beginning');
      await notice.getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`#${id}$`));
      await expect(page.locator(':target')).toContainText(words);
      await expect(notice).toHaveCount(0);
    }
  });

  test('the skip link is the first thing a keyboard reaches and moves focus to the content', async ({ page }) => {
    await page.goto('/articles/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});
