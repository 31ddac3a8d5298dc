import { expect, test, type Page } from '@playwright/test';
import { contentArticles } from '../support/built-site';
import { horizontalOverflow } from './overflow';
import { PAGE_KINDS } from './page-kinds';

/*
 * Reading experience: every kind of page at a phone's 320 px and at desktop
 * width, with JavaScript off, in both colour schemes and in print. Each test
 * saves a screenshot under test-results/screenshots/ for a person to look at
 * (artefacts of the run, never committed).
 */
const NAV = ['Articles', 'People', 'Organisations', 'Topics', 'Quotes', 'Timeline', 'Search'];
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`, fullPage: true });

for (const { kind, path, ready } of PAGE_KINDS) {
  // Loaded afresh at each width (the search page closes its filters when loaded on a narrow screen), in one test's page.
  test(`at 320 px and at 1280 px the ${kind} page has no horizontal scroll and its navigation is all within reach`, async ({ page }) => {
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(path);
      if (ready) await page.locator(ready).first().waitFor();
      expect(await horizontalOverflow(page), `at ${width} px`).toEqual([]);
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const label of NAV) {
        const link = nav.getByRole('link', { name: label, exact: true });
        await expect(link).toBeVisible();
        const box = (await link.boundingBox())!;
        expect(box.x + box.width, `${label} at ${width} px`).toBeLessThanOrEqual(width);
        expect(box.height, `${label} at ${width} px`).toBeGreaterThanOrEqual(20);
      }
      await shot(page, `${kind}-${width}`);
    }
  });
}

for (const width of [320, 390, 1280]) {
  test(`at ${width} px the header is one piece on every kind of page: one search box, controls drawn alike, edges aligned with the text`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const { kind, path, ready } of PAGE_KINDS) {
      await page.goto(path);
      if (ready) await page.locator(ready).first().waitFor();
      // One search box a page: the search page's own, or the header's.
      await expect(page.locator('input[type=search]:visible'), kind).toHaveCount(1);
      const layout = await page.evaluate(() => {
        const left = (selector: string) => {
          const el = document.querySelector(selector);
          if (!el) return undefined;
          return el.getBoundingClientRect().left + parseFloat(getComputedStyle(el).paddingLeft);
        };
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().toJSON() as DOMRect | undefined;
        const buttons = [...document.querySelectorAll('button')]
          .filter((b) => b.getClientRects().length > 0)
          .map((b) => {
            const style = getComputedStyle(b);
            return { name: b.textContent?.trim(), height: b.getBoundingClientRect().height, radius: parseFloat(style.borderTopLeftRadius), font: style.fontFamily, border: style.borderTopStyle };
          });
        return {
          header: left('.site-header__inner'),
          main: left('main'),
          footer: left('.site-footer__inner'),
          name: box('.site-header__name'),
          theme: box('.theme-toggle'),
          search: box('.site-search'),
          buttons,
          bodyFont: getComputedStyle(document.querySelector('.site-nav')!).fontFamily,
        };
      });
      // The header, the page and the footer start at the same edge.
      expect(Math.abs(layout.header! - layout.main!), `${kind}: header and main`).toBeLessThanOrEqual(1);
      expect(Math.abs(layout.footer! - layout.main!), `${kind}: footer and main`).toBeLessThanOrEqual(1);
      // Every button in the interface face, with a border and rounded corners, at least 24 px tall: none in the browser's default dress.
      for (const b of layout.buttons) {
        expect(b.font, `${kind}: ${b.name}`).toBe(layout.bodyFont);
        expect(b.radius, `${kind}: ${b.name}`).toBeGreaterThan(0);
        expect(b.border, `${kind}: ${b.name}`).toBe('solid');
        expect(b.height, `${kind}: ${b.name}`).toBeGreaterThanOrEqual(24);
      }
      // The theme button shares a row with the search box (or, on the search page, the site's name): it never wraps alone.
      const partner = layout.search ?? layout.name!;
      const theme = layout.theme!;
      expect(theme.top < partner.bottom && partner.top < theme.bottom, `${kind}: theme button on its own row`).toBe(true);
      expect(theme.right, kind).toBeLessThanOrEqual(width);
    }
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { kind, path } of PAGE_KINDS.filter((k) => !k.kind.startsWith('search'))) {
    test(`the ${kind} page is complete: content, navigation and links, and no dead controls`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('main h1')).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveCount(NAV.length);
      // The theme button needs JavaScript, so without it there is none to press.
      await expect(page.locator('.theme-toggle')).toBeHidden();
      await shot(page, `${kind}-no-js`);
    });
  }

  test('cross-links work: an article’s mention leads to a person, whose quote leads back to its block', async ({ page }) => {
    await page.goto('/articles/inspiration-and-system-leadership/');
    await page.locator('.article-body a.mention', { hasText: 'Angela Pedder' }).click();
    await page.getByRole('region', { name: 'Quotes' }).getByRole('link').first().click();
    await expect(page.locator(':target')).toContainText('a sophisticated game of ‘pass the parcel’');
  });
});

test.describe('colour schemes', () => {
  test('the page follows the system scheme until the reader picks one with the theme button', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const darkText = await page.evaluate(() => getComputedStyle(document.body).color);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).not.toBe(darkText);
  });

  test('a chosen dark theme persists across pages and applies before the page is drawn', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const lightText = await page.evaluate(() => getComputedStyle(document.body).color);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    // Record the theme at the moment <body> first exists: set later, the page would flash light.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          // 'none' rather than undefined, so that "not recorded yet" and "no theme" differ.
          (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset.theme ?? 'none';
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
    await expect(page).toHaveURL(/\/timeline\/$/);
    // The URL changes before the new page has a body: wait until the observer has recorded it.
    const themeAtBody = await page.waitForFunction(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody);
    expect(await themeAtBody.jsonValue()).toBe('dark');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).not.toBe(lightText);
    await shot(page, 'timeline-chosen-dark');
  });

  test('with reduced motion, arriving at a block does not animate', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/articles/view-from-westminster/');
    const id = await page.locator('[data-block="paragraph"]').nth(2).getAttribute('id');
    await page.goto(`/articles/view-from-westminster/#${id}`);
    expect(await page.locator(`#${id}`).evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  });
});

test.describe('the article page', () => {
  test('shows its reading time and, when it has sections, a contents list that leads to them', async ({ page }) => {
    await page.goto('/articles/inspiration-and-system-leadership/');
    await expect(page.locator('.reading-time')).toHaveText(/^\d+ min read \([\d,]+ words\)$/);
    const contents = page.getByRole('navigation', { name: 'Contents' });
    await contents.getByRole('link', { name: 'Notes to editors' }).click();
    await expect(page).toHaveURL(/#notes-to-editors$/);
    await page.goto('/articles/view-from-westminster/');
    await expect(page.getByRole('navigation', { name: 'Contents' })).toHaveCount(0);
  });

  test('every heading’s # and paragraph’s ¶ can be clicked with a mouse where it is drawn, beside its own block', async ({ page }) => {
    // A few articles are enough to show the layout; every block of each is tried.
    for (const { id } of contentArticles().slice(0, 5)) {
      await page.goto(`/articles/${id}/`);
      const targets = await page.locator('article .heading-wrapper, article [data-block]').evaluateAll((blocks) =>
        blocks.flatMap((block) => {
          const link = block.querySelector(':scope > .block-link');
          return link ? [{ id: (block.querySelector('[id]') ?? block).id, href: link.getAttribute('href') }] : [];
        }),
      );
      expect(targets.length).toBeGreaterThan(0);
      for (const { href } of targets) {
        const link = page.locator(`article a.block-link[href="${href}"]`).first();
        await link.scrollIntoViewIfNeeded();
        const block = link.locator('xpath=..');
        await block.hover();
        const box = (await link.boundingBox())!;
        const own = (await block.boundingBox())!;
        // Drawn beside its own block, not below it.
        expect(box.y + box.height / 2, href!).toBeGreaterThanOrEqual(own.y - 1);
        expect(box.y + box.height / 2, href!).toBeLessThanOrEqual(own.y + own.height + 1);
        // And the click lands on it, not on a neighbour's control.
        const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('a.block-link')?.getAttribute('href'), [box.x + box.width / 2, box.y + box.height / 2]);
        expect(hit, href!).toBe(href);
      }
    }
  });

  for (const [width, height, screens] of [[1280, 900, 1], [390, 844, 1.5]] as const) {
    test(`at ${width}×${height} the text starts within ${screens === 1 ? 'the first screen' : `${screens} screens`}, metadata in two lines before it`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      for (const { id } of contentArticles().slice(0, 5)) {
        await page.goto(`/articles/${id}/`);
        await expect(page.locator('.article-meta__line')).toHaveCount(2);
        const top = await page.locator('.article-body [data-block="paragraph"]').first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
        // The paragraph's first line, not only its top edge, must be in view.
        expect(top + 24, id).toBeLessThanOrEqual(height * screens);
      }
    });
  }

  test('the footer leads to the about page, which says how to cite', async ({ page }) => {
    await page.goto('/articles/view-from-westminster/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'How to cite' }).click();
    await expect(page).toHaveURL(/\/about\/#how-to-cite$/);
    await expect(page.getByRole('heading', { name: 'How to cite' })).toBeVisible();
  });
});

test.describe('in print', () => {
  test('an article prints without navigation or controls, with each link’s address and the citation at the end', async ({ page }) => {
    await page.goto('/articles/inspiration-and-system-leadership/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.locator('.block-link').first()).toBeHidden();
    await expect(page.locator('.related')).toBeHidden();
    await expect(page.locator('.prev-next')).toBeHidden();
    // A link in the text prints its full address after it.
    const after = await page
      .locator('.article-body li a[href="/people/jane-dacre/"]')
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('/people/jane-dacre/');
    expect(after).toMatch(/^" \(http/);
    // The last thing printed is the citation.
    const lastVisible = await page.evaluate(() => {
      const visible = [...document.querySelectorAll('main section, main nav, main aside, main article > *')].filter(
        (el) => getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetHeight > 0,
      );
      return visible.at(-1)?.className;
    });
    expect(lastVisible).toContain('cite-block');
    await expect(page.locator('.cite-block')).toContainText('APA');
    await shot(page, 'article-print');
  });
});
