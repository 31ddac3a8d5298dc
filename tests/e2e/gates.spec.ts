import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AXE_TAGS, PAGE_KINDS } from './page-kinds';

for (const { kind, path, ready } of PAGE_KINDS) {
  // Both schemes on one load: the site's colours follow prefers-color-scheme in CSS alone (a stored choice aside,
  // public/theme.js), so switching the emulated scheme redraws the page as a load in that scheme would.
  test(`the ${kind} page has no axe violations in the light or the dark colour scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    if (ready) await page.locator(ready).first().waitFor();
    // Open every disclosure so the text inside is checked too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      const violations = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      expect.soft(violations, `in the ${colorScheme} colour scheme`).toEqual([]);
    }
  });

  test(`the ${kind} page loads with a Content-Security-Policy without unsafe-inline scripts, and no console errors or CSP violations`, async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    const response = await page.goto(path);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("default-src 'self'");
    const headers = response!.headers();
    expect(headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    if (ready) await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    // A 404 page is expected to come with a 404 status, which Chromium logs.
    const expected = kind === 'not found' ? /Failed to load resource: the server responded with a status of 404/ : null;
    expect(problems.filter((p) => !(expected && expected.test(p)))).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an article can be read in full, with its metadata and provenance', async ({ page }) => {
    await page.goto('/articles/view-from-westminster/');
    await expect(page.locator('.article-body')).toContainText('NHS Improvement should be driven by a desire');
    await expect(page.locator('.article-meta')).toContainText('30 September 2015');
    await page.getByText('Show the raw capture').click();
    await expect(page.locator('#provenance pre')).toBeVisible();
  });
});
