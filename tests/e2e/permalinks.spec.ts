import { expect, test, type Page } from '@playwright/test';
import { movedParagraph } from '../support/fixture-deltas';
import { FEED_SIZE } from '../../src/lib/routes';
import { contentArticles } from '../support/built-site';
import { servedFixture } from '../support/served-fixture';

const ARTICLE = '/articles/view-from-westminster/';
const FOCUS_SENTENCE = 'Most importantly, the new team will need to show quickly';

async function blockId(page: Page, text: string): Promise<string> {
  const id = await page.locator('[data-block]', { hasText: text }).last().getAttribute('id');
  if (!id) throw new Error(`no block with "${text}"`);
  return id;
}

// Copying is asynchronous: poll the clipboard, or read it once the page has said it copied.
const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const isTarget = (page: Page, id: string) => page.evaluate((i) => document.getElementById(i)!.matches(':target'), id);

async function selectText(page: Page, blockText: string, words: string) {
  await page.evaluate(
    ({ blockText, words }) => {
      const block = [...document.querySelectorAll('[data-block]')].find((el) => el.textContent!.includes(blockText))!;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(words);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + words.length);
          document.getSelection()!.removeAllRanges();
          document.getSelection()!.addRange(range);
          return;
        }
      }
      throw new Error(`"${words}" not found`);
    },
    { blockText, words },
  );
}

test.describe('permalinks to blocks', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('every paragraph, list item and pull quote has an id and a link to itself', async ({ page }) => {
    for (const slug of ['view-from-westminster', 'leadership-first-100-days', 'new-structure-profound-shift']) {
      await page.goto(`/articles/${slug}/`);
      const blocks = page.locator('.article-body :is(p, li, figure, blockquote)[data-block]');
      const count = await blocks.count();
      expect(count).toBeGreaterThan(5);
      for (let i = 0; i < count; i++) {
        const id = await blocks.nth(i).getAttribute('id');
        expect(id).toMatch(/^(p|li|pq|bq)-[0-9a-f]{8}(-\d+)?$/);
        await expect(blocks.nth(i).locator(`a.block-link[href="#${id}"]`)).toHaveCount(1);
      }
    }
  });

  test('a block’s link control appears on keyboard focus and copies the absolute link, announcing it', async ({ page, baseURL }) => {
    await page.goto(ARTICLE);
    const id = await blockId(page, FOCUS_SENTENCE);
    const control = page.locator(`#${id} > a.block-link`);
    await expect(control).toHaveCSS('opacity', '0');
    await control.focus();
    await expect(control).toHaveCSS('opacity', '1');
    await expect(control).toHaveAccessibleName('Link to this paragraph');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Link copied');
    await expect.poll(() => clipboardText(page)).toBe(`${baseURL}${ARTICLE}#${id}`);
  });

  test('opening a block’s link scrolls to it below the top edge and highlights it', async ({ page }) => {
    await page.goto(ARTICLE);
    const id = await blockId(page, FOCUS_SENTENCE);
    await page.goto(`${ARTICLE}#${id}`);
    const block = page.locator(`#${id}`);
    await expect(block).toBeInViewport();
    expect(await isTarget(page, id)).toBe(true);
    await expect(block).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    const top = await block.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(8);
  });

  test('a heading link lands on the section', async ({ page }) => {
    await page.goto('/articles/inspiration-and-system-leadership/#notes-to-editors');
    await expect(page.getByRole('heading', { name: 'Notes to editors' })).toBeInViewport();
    await expect(page.getByRole('link', { name: 'Link to this section' })).toHaveAttribute('href', '#notes-to-editors');
  });

  test('a text-fragment link lands on its block', async ({ page }) => {
    await page.goto(ARTICLE);
    const id = await blockId(page, FOCUS_SENTENCE);
    await page.goto(`${ARTICLE}#${id}:~:text=genuine%20service%20improvement`);
    await expect(page.locator(`#${id}`)).toBeInViewport();
    expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
  });

  test('selected words can be copied as a link to the quote, which lands on them', async ({ page, baseURL }) => {
    await page.goto(ARTICLE);
    const id = await blockId(page, FOCUS_SENTENCE);
    await selectText(page, FOCUS_SENTENCE, 'genuine service improvement');
    const toolbar = page.getByRole('toolbar', { name: 'Share the selected words' });
    await expect(toolbar).toBeVisible();
    await toolbar.getByRole('button', { name: 'Copy link to quote' }).click();
    await expect(page.getByRole('status')).toHaveText('Link to quote copied');
    const link = await clipboardText(page);
    expect(link).toBe(`${baseURL}${ARTICLE}#${id}:~:text=genuine%20service%20improvement`);
    await page.goto('/');
    await page.goto(link);
    await expect(page.locator(`#${id}`)).toBeInViewport();
  });

  test('selected words can be copied with their citation, as text and as Markdown, from the keyboard', async ({ page, baseURL }) => {
    await page.goto(ARTICLE);
    const id = await blockId(page, FOCUS_SENTENCE);
    await selectText(page, FOCUS_SENTENCE, 'genuine service improvement');
    await expect(page.getByRole('toolbar')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Copy link to quote' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Quote with citation copied');
    const url = `${baseURL}${ARTICLE}#${id}:~:text=genuine%20service%20improvement`;
    await expect.poll(() => clipboardText(page)).toBe(
      `“genuine service improvement” — Stephen Dorrell, Nuffield Trust. “What do leaders want from NHS Improvement? The view from Westminster”, 30 September 2015. ${url}`,
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => clipboardText(page)).toBe(
      `> genuine service improvement\n>\n> — Stephen Dorrell, Nuffield Trust, [What do leaders want from NHS Improvement? The view from Westminster](${url}), 30 September 2015`,
    );
    await page.keyboard.press('Escape');
    await expect(page.getByRole('toolbar')).toBeHidden();
  });

  test('a quote from a pull quote is attributed to its speaker, with an undated publisher left out', async ({ page }) => {
    await page.goto('/articles/new-structure-profound-shift/');
    await selectText(page, 'The single joint finance director must be committed', 'single joint finance director');
    await page.getByRole('button', { name: 'Copy quote with citation' }).click();
    await expect(page.getByRole('status')).toHaveText('Quote with citation copied');
    const text = await clipboardText(page);
    expect(text).toMatch(/^“single joint finance director” — Chris Hopson\. “New structure could herald a profound shift in the way the NHS is led”, 24 May 2018\. /);
  });

  test('a phrase that occurs twice on the page gets a prefix and suffix in its link', async ({ page }) => {
    await page.goto('/articles/new-structure-profound-shift/');
    await selectText(page, 'Trusts would welcome less duplication and better co-ordination between NHS Improvement and NHS England and', 'Trusts would welcome less duplication');
    await page.getByRole('button', { name: 'Copy link to quote' }).click();
    await expect(page.getByRole('status')).toHaveText('Link to quote copied');
    const link = await clipboardText(page);
    expect(link).toMatch(/:~:text=.+-,Trusts%20would%20welcome%20less%20duplication,-.+$/);
  });
});

test.describe('cite this article', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('shows APA, Harvard, OSCOLA and Chicago citations with copy buttons, and offers BibTeX, RIS and CSL-JSON files', async ({ page, request }) => {
    await page.goto(ARTICLE);
    const cite = page.locator('#cite');
    await expect(cite.locator('#cite-apa')).toHaveText(/^Dorrell, S\. \(2015, September 30\)\. What do leaders want/);
    await cite.getByRole('button', { name: 'Copy APA 7 citation' }).click();
    await expect.poll(() => clipboardText(page)).toMatch(/^Dorrell, S\. \(2015, September 30\)/);
    await expect(cite.locator('#cite-oscola')).toHaveText(/^Stephen Dorrell, ‘What do leaders want/);
    await expect(cite.locator('#cite-chicago')).toHaveText(/^Stephen Dorrell, “What do leaders want/);
    for (const [name, type, start] of [
      ['BibTeX', 'application/x-bibtex', '@misc{view-from-westminster,'],
      ['RIS', 'application/x-research-info-systems', 'TY  - BLOG'],
      ['CSL-JSON', 'application/vnd.citationstyles.csl+json', '['],
    ] as const) {
      const href = await cite.getByRole('link', { name }).getAttribute('href');
      const response = await request.get(href!);
      expect(response.headers()['content-type'] ?? '', name).toContain(type.split('/')[0]);
      expect((await response.text()).startsWith(start), name).toBe(true);
    }
  });

  test('Harvard and OSCOLA give the reader’s own access date', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-03-04T12:00:00Z'));
    await page.goto(ARTICLE);
    await expect(page.locator('#cite-harvard')).toContainText('(Accessed: 4 March 2026).');
    await expect(page.locator('#cite-oscola')).toHaveText(/ accessed 4 March 2026\.$/);
  });

  test('a paragraph’s ¶ link offers that paragraph’s citation: its number, its permalink, in every style', async ({ page, baseURL }) => {
    await page.goto(ARTICLE);
    const paragraphs = page.locator('article [data-block="paragraph"], article [data-block="list-item"], article [data-block="blockquote"]');
    const third = paragraphs.nth(2);
    const id = await third.getAttribute('id');
    await third.hover();
    await third.locator('a.block-link').click();
    const box = page.locator('#cite-paragraph');
    await expect(box).toBeVisible();
    await expect(box.getByRole('heading', { level: 3 })).toHaveText('Cite paragraph 3');
    const permalink = `${baseURL}/articles/view-from-westminster/#${id}`;
    await expect(box.locator('#cite-paragraph-apa')).toHaveText(new RegExp(`^\\(Dorrell, 2015, para\\. 3\\) Dorrell, S\\. .* Paragraph: ${permalink.replace(/[.?]/g, '\\$&')}$`));
    await expect(box.locator('#cite-paragraph-oscola')).toContainText(`para 3 <${permalink}>`);
    await expect(box.locator('#cite-paragraph-chicago')).toContainText(`para. 3, ${permalink}.`);
    // A permalink opened directly offers the same.
    await page.goto(`/articles/view-from-westminster/#${id}`);
    await expect(page.locator('#cite-paragraph-heading')).toHaveText('Cite paragraph 3');
  });

  test('an article with no author and only an inferred date is cited title first, the date marked approximate', async ({ page }) => {
    await page.goto('/articles/leadership-first-100-days/');
    await expect(page.locator('#cite-apa')).toHaveText(/^Leadership: The first 100 days of the new government\. \(ca\. 2015, August\)\./);
    await expect(page.locator('#cite-harvard')).toContainText('(c. 2015)');
  });
});

test.describe('link previews and discovery', () => {
  test('an article has a canonical URL, Open Graph and Twitter metadata, and JSON-LD with only stated facts', async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', /\/articles\/view-from-westminster\/$/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'What do leaders want from NHS Improvement? The view from Westminster');
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    const full = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(full).toMatchObject({ '@type': 'Article', datePublished: '2015-09-30', author: [{ name: 'Stephen Dorrell' }], publisher: { name: 'Nuffield Trust' } });

    await page.goto('/articles/critical-time-for-the-nhs/');
    const bare = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(bare).not.toHaveProperty('datePublished');
    expect(bare).not.toHaveProperty('author');
    expect(bare).not.toHaveProperty('publisher');
    await expect(page.locator('meta[property="article:published_time"]')).toHaveCount(0);
  });

  test('the sitemap lists every article, and the feed the newest of them', async ({ request }) => {
    const sitemap = await (await request.get('/sitemap-0.xml')).text();
    const feed = await (await request.get('/feed.xml')).text();
    for (const slug of contentArticles().map((a) => a.id)) expect(sitemap).toContain(`/articles/${slug}/</loc>`);
    // The feed carries the newest articles (every one, while there are no more than it carries).
    expect(feed.match(/<item>/g)?.length).toBe(Math.min(FEED_SIZE, contentArticles().length));
  });
});

test.describe('an edited paragraph whose old id is mapped', () => {
  const site = servedFixture('moved-paragraph', movedParagraph);

  test('a published link to the old id still lands on the successor block, highlighted', async ({ page }) => {
    await page.goto(`${site.origin}/articles/sample/#p-1ad41925`);
    await expect(page).toHaveURL(/#p-edcfd2c8$/);
    await expect(page.locator('#p-edcfd2c8')).toBeInViewport();
    expect(await isTarget(page, 'p-edcfd2c8')).toBe(true);
  });
});
