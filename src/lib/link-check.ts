/**
 * Offline link checking over a built site: every internal link must reach a
 * page or file that exists, and every #fragment an element with that id.
 * External links are only listed (there is no network to fetch them).
 */
export interface PageLinks {
  ids: Set<string>;
  links: string[];
}

export interface SiteIndex {
  /** URL path of each HTML page ("/articles/x/", "/404.html") with its ids and links. */
  pages: Map<string, PageLinks>;
  /** URL path of every other file ("/favicon.svg", "/sources/000.txt"). */
  files: Set<string>;
}

export interface LinkProblem {
  page: string;
  href: string;
  problem: string;
}

export interface LinkReport {
  broken: LinkProblem[];
  external: { page: string; href: string }[];
}

const BASE = 'http://site.invalid';

/** `origins` are the site's own public origins: absolute links to them are internal. */
export function checkLinks(site: SiteIndex, origins: string[] = []): LinkReport {
  const report: LinkReport = { broken: [], external: [] };
  const own = new Set([BASE, ...origins.map((o) => new URL(o).origin)]);
  for (const [page, { links }] of site.pages) {
    for (const href of links) {
      const problem = (text: string) => report.broken.push({ page, href, problem: text });
      if (href.trim() === '' || href === '#') {
        problem('empty link');
        continue;
      }
      let url: URL;
      try {
        url = new URL(href, BASE + page);
      } catch {
        problem('not a valid URL');
        continue;
      }
      if (!url.protocol.startsWith('http')) {
        if (url.protocol !== 'mailto:' && url.protocol !== 'tel:') problem(`unexpected ${url.protocol} link`);
        continue;
      }
      if (!own.has(url.origin)) {
        report.external.push({ page, href });
        continue;
      }
      const path = decodeURIComponent(url.pathname);
      const target = site.pages.get(path);
      if (!target) {
        if (site.files.has(path)) continue;
        problem(site.pages.has(`${path}/`) ? `no trailing slash: link to ${path}/` : `no page or file at ${path}`);
        continue;
      }
      // A text fragment (#id:~:text=…) names its block before ":~:".
      const fragment = decodeURIComponent(url.hash.slice(1)).split(':~:')[0] ?? '';
      if (fragment !== '' && !target.ids.has(fragment)) {
        problem(`${path} has no element with id "${fragment}"`);
      }
    }
  }
  return report;
}
