import { describe, expect, it } from 'vitest';
import { readFurniture } from '../../src/content-files/config-files';
import { fidelityProblems, isFurniture } from '../../src/lib/fidelity';
import { builtPage, captureLines, contentArticles, select, text } from '../support/built-site';

/*
 * The build checks fidelity on what rendering recorded (loaders/articles);
 * this checks it again on the built page a reader gets.
 * Every sentence of every source stays in its article, word for word. The
 * source body is every line of the raw capture except those the article lists
 * as dropped page furniture (which its provenance panel shows). The page text
 * compared is the <article> element only: the raw capture shown in the
 * provenance panel, outside it, does not count.
 */

// The furniture an article may drop is the collection's own configuration.
const { patterns } = readFurniture();

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
      for (const [line, content] of dropped) expect(isFurniture(content, patterns), `line ${line}: ${content}`).toBe(true);
    });

    it(`${article.id}: keeps every sentence of its source body, word for word`, () => {
      const [articleElement] = select(builtPage(`articles/${article.id}/`), (el) => el.tagName === 'article');
      expect(articleElement, 'the page has an <article>').toBeDefined();
      const lost = fidelityProblems(captureLines(article.data.source.capture), [...dropped].map(([line, text]) => ({ line, text })), text(articleElement!), patterns);
      expect(lost).toEqual([]);
    });
  }
});
