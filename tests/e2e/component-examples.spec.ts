import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AXE_TAGS } from './page-kinds';

/*
 * The component examples (tests/examples/components.ts), as the template
 * tests rendered them with Astro's container API, checked in a real browser
 * with the site's own stylesheet: axe in both colour schemes, and no
 * horizontal scroll on a 320 px screen. Every state of a fact (stated,
 * inferred, not stated) is checked, not only the states the five seed
 * articles happen to have.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dir = path.join(root, 'reports/component-examples');
if (!existsSync(dir) || readdirSync(dir).length === 0) {
  // Run alone, render the examples first (npm test has just rendered them).
  spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'components'], { cwd: root, stdio: 'inherit' });
}
const examples = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();

function siteCss(): string {
  const assets = path.join(root, 'dist/_astro');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.css'))
    .map((f) => readFileSync(path.join(assets, f), 'utf8'))
    .join('\n');
}

async function show(page: import('@playwright/test').Page, file: string) {
  const name = file.replace(/\.html$/, '');
  await page.setContent(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body><main class="page"><h1>${name}</h1>${readFileSync(path.join(dir, file), 'utf8')}</main></body></html>`,
  );
  await page.addStyleTag({ content: siteCss() });
}

test('the template tests rendered every component example', () => {
  expect(examples.length).toBeGreaterThan(0);
});

for (const file of examples) {
  const name = file.replace(/\.html$/, '');
  // One load for both schemes (the site's colours follow prefers-color-scheme in CSS alone) and the narrow screen.
  test(`the ${name} example has no axe violations in the light or the dark colour scheme, and fits a 320 px screen without horizontal scroll`, async ({ page }) => {
    await show(page, file);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect.soft(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `in the ${colorScheme} colour scheme`).toEqual([]);
    }
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'the page width on a 320 px screen').toBeLessThanOrEqual(320);
  });
}
