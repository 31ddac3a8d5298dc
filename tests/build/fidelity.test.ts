import { describe, expect, it } from 'vitest';
import { normaliseText, splitSentences } from '../../src/lib/text';
import { builtPage, captureLines, contentArticles, select, text } from '../support/built-site';

/*
 * Every sentence of every source stays in its article, word for word. The
 * source body is every line of the raw capture except those the article lists
 * as dropped page furniture (which its provenance panel shows). The page text
 * compared is the <article> element only: the raw capture shown in the
 * provenance panel, outside it, does not count.
 */

// CONTENT-NOTES: furniture is kind labels, publication lines, "Comments",
// "Related resources" and similar. Anything else dropped is a lost sentence.
const FURNITURE = [
  /^(Blog post|Press release)$/,
  /^Published: \d{2}\/\d{2}\/\d{4}$/,
  /^\d{1,2} [A-Z][a-z]+ \d{4}$/,
  /^Comments$/,
  /^Related resources$/,
  /^Suggested citation$/,
  /^This content relates to the following topics:$/,
  /^Part of .+$/,
  /^$/,
];

const articles = contentArticles();

describe('source fidelity', () => {
  it('reads every article of the collection, the five seed articles among them', () => {
    expect(articles.map((a) => a.id)).toEqual(
      expect.arrayContaining(['view-from-westminster', 'critical-time-for-the-nhs', 'new-structure-profound-shift', 'inspiration-and-system-leadership', 'leadership-first-100-days']),
    );
  });

  for (const article of articles) {
    const dropped = new Map((article.data.source.dropped ?? []).map((d) => [d.line, d.text]));

    it(`${article.id}: drops only page furniture from its source`, () => {
      for (const [line, content] of dropped) {
        expect(FURNITURE.some((pattern) => pattern.test(normaliseText(content))), `line ${line}: ${content}`).toBe(true);
      }
    });

    it(`${article.id}: keeps every sentence of its source body, word for word`, () => {
      const [articleElement] = select(builtPage(`articles/${article.id}/`), (el) => el.tagName === 'article');
      expect(articleElement, 'the page has an <article>').toBeDefined();
      const page = normaliseText(text(articleElement!));
      const missing: string[] = [];
      captureLines(article.data.source.capture).forEach((line, index) => {
        if (dropped.has(index + 1)) return;
        // A leading bullet is list typography, not a word of the sentence.
        for (const sentence of splitSentences(line.replace(/^\s*•\s*/, ''))) {
          if (!page.includes(sentence)) missing.push(`line ${index + 1}: ${sentence}`);
        }
      });
      expect(missing).toEqual([]);
    });
  }
});
