import { expect, test, type Page } from '@playwright/test';

const isTarget = (page: Page) =>
  page.evaluate(() => {
    const id = decodeURIComponent(location.hash.slice(1).split(':~:')[0]!);
    return document.getElementById(id)?.matches(':target') ?? false;
  });

test.describe('following threads through the collection', () => {
  test('article → person → quote → the block where they said it', async ({ page }) => {
    await page.goto('/articles/inspiration-and-system-leadership/');
    // The first mention of a person in the text links to their page.
    await page.locator('.article-body a.mention', { hasText: 'Jeremy Taylor' }).click();
    await expect(page).toHaveURL(/\/people\/jeremy-taylor\/$/);
    const quotes = page.getByRole('region', { name: 'Quotes' });
    await expect(quotes.locator('blockquote')).toContainText('Insist on a really clear and simple mandate.');
    await quotes.getByRole('link', { name: 'We need inspiration and system leadership, health leaders tell incoming NHS Improvement CEO' }).click();
    await expect(page).toHaveURL(/\/articles\/inspiration-and-system-leadership\/#p-[0-9a-f]{8}$/);
    // The address changes when the navigation commits, before the block is parsed: wait for it.
    await expect.poll(() => isTarget(page)).toBe(true);
    await expect(page.locator(':target')).toContainText('Insist on a really clear and simple mandate.');
    await expect(page.locator(':target')).toBeInViewport();
  });

  test('article → organisation → another article', async ({ page }) => {
    await page.goto('/articles/view-from-westminster/');
    await page.locator('.article-body a.mention', { hasText: 'Monitor' }).click();
    await expect(page).toHaveURL(/\/organisations\/monitor\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Monitor');
    await page.getByRole('link', { name: 'Leadership: The first 100 days of the new government' }).first().click();
    await expect(page).toHaveURL(/\/articles\/leadership-first-100-days\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leadership: The first 100 days of the new government');
  });

  test('a quotation of another article links to its source block, and the source says where it is quoted', async ({ page }) => {
    await page.goto('/articles/inspiration-and-system-leadership/');
    const quoting = page.locator('[data-block]', { hasText: 'In his contribution, Dorrell warned' });
    await expect(quoting.locator('.xref')).toContainText('Quoted from:');
    await quoting.locator('.xref a').click();
    await expect(page).toHaveURL(/\/articles\/view-from-westminster\/#p-[0-9a-f]{8}$/);
    const source = page.locator(':target');
    await expect(source).toContainText('the new team will need to show quickly that its primary focus is genuine service improvement');
    await expect(source.locator('.xref')).toContainText('Quoted in: We need inspiration and system leadership');
  });

  test('a person named only in the text lists the articles that name them, each opening at the passage', async ({ page }) => {
    await page.goto('/people/jeremy-hunt/');
    const named = page.getByRole('region', { name: 'Named in the text of' });
    await named.getByRole('link', { name: 'What do leaders want from NHS Improvement? The view from Westminster' }).click();
    await expect(page.locator(':target')).toContainText('Jeremy Hunt’s announcement');
  });

  test('the quotes page groups every quotation by speaker, unattributed last, each linking to its block', async ({ page }) => {
    await page.goto('/quotes/');
    const headings = await page.locator('main h2').allTextContents();
    expect(headings.at(-1)).toBe('Speaker not stated');
    expect(headings).toEqual(expect.arrayContaining(['Chris Hopson', 'Nigel Edwards', 'Stephen Dorrell', 'Jeremy Taylor', 'Angela Pedder']));
    const hopson = page.getByRole('region', { name: 'Chris Hopson' });
    await expect(hopson.locator('blockquote', { hasText: 'creating an unmanageable monolith' })).toHaveCount(1);
    // Pull quotes repeat the text and are not listed twice.
    await expect(hopson.locator('blockquote', { hasText: 'Trusts would welcome less duplication' })).toHaveCount(1);
    await hopson.locator('li', { hasText: 'creating an unmanageable monolith' }).getByRole('link').click();
    await expect(page.locator(':target')).toContainText('There is also the risk, by bringing these organisations closer together');
  });

  test('an abbreviation is expanded at its first use and the glossary says where it is used', async ({ page }) => {
    await page.goto('/articles/leadership-first-100-days/');
    await expect(page.locator('.article-body abbr', { hasText: 'CCGs' })).toHaveAttribute('title', 'Clinical commissioning groups');
    await expect(page.locator('.article-body abbr', { hasText: 'CCGs' })).toHaveCount(1);
    await page.goto('/glossary/');
    const entry = page.locator('.glossary__entry', { has: page.locator('dt', { hasText: /^CCG$/ }) });
    await expect(entry).toContainText('Clinical commissioning groups');
    await entry.getByRole('link', { name: 'Leadership: The first 100 days of the new government' }).click();
    await expect(page.locator(':target')).toContainText('CCGs');
  });

  test('the timeline puts articles and stated events in date order, marks inferred dates, and links each event to its block', async ({ page }) => {
    await page.goto('/timeline/');
    const entries = page.locator('.timeline__entry');
    await expect(entries.first()).toContainText('February 2014');
    await expect(entries.first()).toContainText('Lord Rose’s review of NHS leadership commissioned');
    const inferred = entries.filter({ hasText: 'Ed Smith review’s final report published' });
    await expect(inferred).toContainText('c. July 2015');
    await expect(inferred).toContainText('inferred date');
    await expect(entries.last()).toContainText('New structure could herald a profound shift');
    await entries.filter({ hasText: 'board paper' }).getByRole('link', { name: /board paper/ }).click();
    await expect(page.locator(':target')).toContainText('have published a board paper');
  });

  test('each article shows related articles with the reason they are related', async ({ page }) => {
    await page.goto('/articles/new-structure-profound-shift/');
    const related = page.getByRole('navigation', { name: 'Related articles' });
    const item = related.getByRole('listitem').filter({ hasText: 'We need inspiration and system leadership' });
    await expect(item).toContainText('Also quotes Chris Hopson');
  });

  test('a speaker filter finds what that person said, not only where they are named', async ({ page }) => {
    await page.goto('/search/?q=NHS+Improvement&person=Nigel+Edwards');
    const result = page.locator('.search-result').first();
    await expect(result).toContainText('Nigel Edwards');
    await expect(result.locator('mark')).toHaveText(/NHS Improvement/);
    await result.getByRole('link').first().click();
    await expect(page.locator(':target')).toContainText('The chief executive of NHS Improvement needs to realise');
  });
});
