import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { htmlLinks } from '../../src/lib/html-links';
import { checkLinks, type SiteIndex } from '../../src/lib/link-check';
import { builtFiles, pageUrl, readBuilt, root, select } from '../support/built-site';

/** Gate: every internal link and #fragment in the built site resolves. */
function indexSite(): SiteIndex {
  const site: SiteIndex = { pages: new Map(), files: new Set() };
  for (const file of builtFiles()) {
    if (!file.endsWith('.html')) {
      site.files.add(file);
      continue;
    }
    const tree = fromHtml(readBuilt(file));
    const ids = new Set(select(tree, (el) => el.properties?.id !== undefined).map((el) => String(el.properties.id)));
    const links = select(tree, (el) => ['a', 'link', 'script', 'img', 'area'].includes(el.tagName))
      .map((el) => el.properties?.href ?? el.properties?.src)
      .filter((href): href is string => typeof href === 'string');
    site.pages.set(pageUrl(file), { ids, links });
  }
  return site;
}

describe('links in the built site', () => {
  const site = indexSite();
  const report = checkLinks(site, [process.env.SITE_URL ?? 'http://localhost:4321']);

  it('has pages to check', () => {
    expect(site.pages.size).toBeGreaterThan(10);
  });

  it('the build’s own link check reads the same ids and links from every page as a full HTML parse', () => {
    for (const [page, parsed] of site.pages) {
      const file = page.endsWith('/') ? `${page}index.html` : page;
      const read = htmlLinks(readBuilt(file));
      expect([...read.ids].sort(), page).toEqual([...parsed.ids].sort());
      expect(read.links, page).toEqual(parsed.links);
    }
  });

  it('every internal link and #fragment reaches a page and an element that exist', () => {
    expect(report.broken.map((b) => `${b.page}: ${b.href} (${b.problem})`)).toEqual([]);
  });

  it('lists external links for review without fetching them', () => {
    const lines = [...new Set(report.external.map((e) => e.href))].sort();
    mkdirSync(path.join(root, 'reports'), { recursive: true });
    writeFileSync(path.join(root, 'reports/external-links.txt'), lines.join('\n') + '\n');
    expect(lines).toContain(
      'https://www.nuffieldtrust.org.uk/news-item/what-do-leaders-want-from-nhs-improvement-the-view-from-westminster',
    );
  });
});
