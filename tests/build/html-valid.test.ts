import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtPages, dist, root } from '../support/built-site';

/**
 * Gate: every built page is valid HTML under html-validate's recommended
 * rules (.htmlvalidate.json). The one change: <title> may run to 130
 * characters, because source titles are long and are never shortened.
 */
const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(root, '.htmlvalidate.json'), 'utf8')));

describe('HTML validity', () => {
  const pages = builtPages();

  it('finds the built pages', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  for (const page of pages) {
    it(`${page} is valid HTML`, async () => {
      const report = await validator.validateFile(path.join(dist, page));
      const messages = report.results.flatMap((r) =>
        r.messages.map((m) => `${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
      );
      expect(messages).toEqual([]);
    });
  }
});
