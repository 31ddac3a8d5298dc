import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { contentError } from '../lib/content-error';
import { htmlLinks } from '../lib/html-links';
import { checkLinks, type SiteIndex } from '../lib/link-check';
import { pagefindFolderUrl } from '../lib/routes';
import { builtPageReader } from './built-pages';
import { checksLeftToFinish, SEARCH_INPUT } from './build-settings';
import { statOrNothing } from './site-files';

/**
 * Folders of the site the check does not read: Pagefind's, which the search
 * index may be writing while the check runs (scripts/finish-build.mjs), and
 * the links it reads the pages through. No page links into either.
 */
const NOT_PAGES = new Set([pagefindFolderUrl.replaceAll('/', ''), SEARCH_INPUT]);

/** Every file of the built site, as URL paths. */
function files(root: string): string[] {
  const base = path.resolve(root);
  const found: string[] = [];
  // A folder's listing says which of its entries are folders: Node's recursive readdirSync also stats every file,
  // to follow links to folders (https://github.com/nodejs/node/issues/52663), 41,000 stats and a quarter of a second
  // of the check at 5,000 articles. Only a symbolic link is looked at here, and followed if it leads to a folder.
  const walk = (folder: string, url: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (url === '/' && NOT_PAGES.has(entry.name)) continue;
      const full = path.join(folder, entry.name);
      const kind = entry.isSymbolicLink() ? statOrNothing(full) : entry;
      if (kind?.isDirectory()) walk(full, `${url}${entry.name}/`);
      else if (kind?.isFile()) found.push(`${url}${entry.name}`);
    }
  };
  walk(base, '/');
  return found;
}

/** What the link check keeps about the whole site it checked, beside what it read of each page. */
interface CheckedSite {
  origins: string[];
  /** Every file that is not a page, as a URL path. */
  files: string[];
}

/**
 * Every internal link and #fragment on every page of the built site at
 * `root` must reach a page and an element that exist, or the build fails
 * (and nothing is published). `cacheFile` keeps what was read of each page
 * for the next build, with the site's other files, once the check passed.
 *
 * A page as it was when the last check passed (a rebuild links unchanged
 * pages from the previous build, and Astro writes most listing pages again
 * as they were) had every link good then, so it still has if nothing it
 * could link to has gone: no page, no id of a page, no other file, with the
 * same origins. Then only the pages whose text changed are checked
 * (at 5,000 articles, checking every link again was half the check's time,
 * and its processor time slowed Pagefind, beside it, as much).
 */
export function checkSiteLinks(root: string, origins: string[], cacheFile: string, logger: Pick<AstroIntegrationLogger, 'info'>, pages = linkCheckReader(cacheFile)): void {
  const started = performance.now();
  const site: SiteIndex = { pages: new Map(), files: new Set() };
  const fresh = new Set<string>();
  // Whether something a page could link to last time has gone since.
  let gone = false;
  for (const file of files(root)) {
    if (!file.endsWith('.html')) {
      site.files.add(file);
      continue;
    }
    const look = pages.look(path.join(root, file), file);
    const url = file.replace(/(^|\/)index\.html$/, '$1');
    if (look.fresh) {
      fresh.add(url);
      // A name the cache cannot keep (integrations/built-pages) could not be missed next time: every page is checked.
      gone ||= /[\t\n]/.test(file);
      if (look.seenBefore) {
        // Ids it had that it has no longer; what it had, if that cannot be read, may have gone.
        const before = look.before()?.ids;
        const now = new Set(look.value().ids);
        gone ||= !before || before.some((id) => !now.has(id));
      }
    }
    // Read when the check asks: an unchanged page's only if a page checked links to it.
    let ids: Set<string> | undefined;
    site.pages.set(url, {
      get ids() {
        return (ids ??= new Set(look.value().ids));
      },
      get links() {
        return look.value().links;
      },
    });
  }
  const last = pages.state();
  gone ||= !last || !isDeepStrictEqual(last.origins, origins) || pages.unseen().length > 0 || last.files.some((file) => !site.files.has(file));
  const { broken } = checkLinks(site, origins, gone ? undefined : fresh);
  if (broken.length > 0) {
    throw contentError(`Broken links in the built site (nothing was published):\n${broken.map((b) => `  - ${b.page}: ${b.href} (${b.problem})`).join('\n')}`);
  }
  pages.save({ origins, files: [...site.files] });
  const checked = gone ? site.pages.size : fresh.size;
  const rest = gone || checked === site.pages.size ? '' : ` (of ${site.pages.size}: the others are the pages checked last time, and nothing they link to has gone)`;
  logger.info(`checked the links of ${checked} pages in ${((performance.now() - started) / 1000).toFixed(1)} s${rest}`);
}

/**
 * What the link check reads of each page: its ids and links, read again only
 * from a page that changed (integrations/built-pages). Made before the site
 * is finished (scripts/finish-build.mjs, while Astro writes the rest of it),
 * its reading of the last build's 14 MB at 5,000 articles is not part of the
 * check's time.
 */
export function linkCheckReader(cacheFile: string) {
  return builtPageReader<{ ids: string[]; links: string[] }, CheckedSite>(cacheFile, (html) => {
    const { ids, links } = htmlLinks(html);
    return { ids: [...ids], links };
  });
}

/** Where the link check keeps what it read of each page. */
export const linkCheckCache = (cacheDir: string) => path.join(cacheDir, 'link-check-pages.json');

/**
 * The last of the checks of Astro's build, so that it checks what the other
 * integrations write too; or, in a build by scripts/build.mjs of a site
 * small enough, after Astro (integrations/build-settings).
 */
export default function linkCheck(): AstroIntegration {
  let origins: string[] = [];
  let cacheFile = '';
  return {
    name: 'policy-reader:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        origins = config.site ? [config.site] : [];
        cacheFile = linkCheckCache(fileURLToPath(config.cacheDir));
      },
      'astro:build:done': ({ dir, logger }) => {
        if (checksLeftToFinish(fileURLToPath(dir))) return;
        checkSiteLinks(fileURLToPath(dir), origins, cacheFile, logger);
      },
    },
  };
}
