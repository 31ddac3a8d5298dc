import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtPage, contentArticles, readBuilt, select } from '../support/built-site';

/**
 * Gate: an article page costs under 30 kB gzipped (HTML, CSS and JavaScript,
 * fonts aside). Byte counts are deterministic, so this can be a test; timings
 * are measured in `npm run bench` instead.
 */
const BUDGET = 30 * 1024;
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

describe('page weight', () => {
  for (const { id } of contentArticles()) {
    it(`/articles/${id}/ ships under 30 kB of HTML, CSS and JS, gzipped`, () => {
      const tree = builtPage(`articles/${id}/`);
      const assets = select(tree, (el) =>
        (el.tagName === 'link' && ['stylesheet', 'modulepreload'].some((r) => String(el.properties?.rel).includes(r))) ||
        (el.tagName === 'script' && typeof el.properties?.src === 'string'),
      ).map((el) => String(el.properties?.href ?? el.properties?.src));
      const total = gz(readBuilt(`/articles/${id}/index.html`)) + assets.reduce((sum, a) => sum + gz(readBuilt(a)), 0);
      expect(total, `${total} bytes`).toBeLessThan(BUDGET);
    });
  }
});
