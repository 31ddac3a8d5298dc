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

/** Where a link leads, read from its address alone: a problem, somewhere else, or a path of this site and the id it names. */
type Destination = { problem: string } | { external: true } | { elsewhere: true } | { path: string; fragment: string };

function destination(href: string, page: string, own: Set<string>): Destination {
  if (href.trim() === '' || href === '#') return { problem: 'empty link' };
  let url: URL;
  try {
    url = new URL(href, BASE + page);
  } catch {
    return { problem: 'not a valid URL' };
  }
  if (!url.protocol.startsWith('http')) {
    return url.protocol === 'mailto:' || url.protocol === 'tel:' ? { elsewhere: true } : { problem: `unexpected ${url.protocol} link` };
  }
  if (!own.has(url.origin)) return { external: true };
  // A text fragment (#id:~:text=…) names its block before ":~:".
  return { path: decodeURIComponent(url.pathname), fragment: decodeURIComponent(url.hash.slice(1)).split(':~:')[0] ?? '' };
}

/** A link that starts with one slash, or with a scheme, leads to the same place from every page: read once however many pages have it. */
const fromAnyPage = (href: string) => (href.startsWith('/') && !href.startsWith('//')) || /^[a-z][a-z\d+.-]*:/i.test(href);
/** A #fragment the URL parser would keep as it is (nothing it encodes or strips): on the page itself, without parsing. */
const PLAIN_FRAGMENT = /^#[^\s"<>`\x00-\x1f\x7f]+$/;

/**
 * `origins` are the site's own public origins: absolute links to them are
 * internal. `only`: the pages whose links to check (all, if not given); the
 * others are still there to be linked to.
 */
export function checkLinks(site: SiteIndex, origins: string[] = [], only?: ReadonlySet<string>): LinkReport {
  const report: LinkReport = { broken: [], external: [] };
  const own = new Set([BASE, ...origins.map((o) => new URL(o).origin)]);
  // At 5,000 articles, 370,000 links, of which the site's menus and cross-links repeat most: reading each was a second.
  const read = new Map<string, Destination>();
  for (const [page, entry] of site.pages) {
    if (only && !only.has(page)) continue;
    const { links } = entry;
    let here: string | undefined;
    for (const href of links) {
      let to = fromAnyPage(href) ? read.get(href) : undefined;
      if (!to && PLAIN_FRAGMENT.test(href)) {
        here ??= decodeURIComponent(new URL(BASE + page).pathname);
        to = { path: here, fragment: decodeURIComponent(href.slice(1)).split(':~:')[0] ?? '' };
      }
      if (!to) {
        to = destination(href, page, own);
        if (fromAnyPage(href)) read.set(href, to);
      }
      if ('problem' in to) {
        report.broken.push({ page, href, problem: to.problem });
        continue;
      }
      if ('external' in to) {
        report.external.push({ page, href });
        continue;
      }
      if ('elsewhere' in to) continue;
      const target = site.pages.get(to.path);
      if (!target) {
        if (site.files.has(to.path)) continue;
        report.broken.push({ page, href, problem: site.pages.has(`${to.path}/`) ? `no trailing slash: link to ${to.path}/` : `no page or file at ${to.path}` });
        continue;
      }
      if (to.fragment !== '' && !target.ids.has(to.fragment)) report.broken.push({ page, href, problem: `${to.path} has no element with id "${to.fragment}"` });
    }
  }
  return report;
}
