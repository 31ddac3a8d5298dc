import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { blockIdsOf } from '../../src/integrations/permalink-register';
import { dist } from '../support/built-site';

describe('the permalink register reads block ids from built pages', () => {
  it('finds exactly the ids a full HTML parse finds, in order, on every built article', () => {
    const articles = path.join(dist, 'articles');
    const pages = readdirSync(articles, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(path.join(articles, page.name, 'index.html'), 'utf8');
      const parsed: string[] = [];
      visit(fromHtml(html), 'element', (el: Element) => {
        if (el.properties.dataBlock !== undefined && typeof el.properties.id === 'string') parsed.push(el.properties.id);
      });
      expect(blockIdsOf(html), page.name).toEqual(parsed);
    }
  });

  it('reads an id before or after data-block, and ignores elements that are not blocks', () => {
    const html = '<h2 id="a-heading" data-block="heading">A</h2><span id="p-old" class="moved-anchor"></span><p data-block="paragraph" id="p-1">x</p>';
    expect(blockIdsOf(html)).toEqual(['a-heading', 'p-1']);
  });
});
