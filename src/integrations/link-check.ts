import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentError } from '../lib/content-error';
import { htmlLinks } from '../lib/html-links';
import { checkLinks, type SiteIndex } from '../lib/link-check';
import { builtPageReader } from './built-pages';

/** Every file of the built site, as URL paths. */
function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`);
}

/**
 * The last step of a build: every internal link and #fragment on every page
 * must reach a page and an element that exist, or the build fails (and
 * nothing is published). Runs after the other integrations, so the search
 * index and sitemap it may link to are written.
 */
export default function linkCheck(): AstroIntegration {
  let origins: string[] = [];
  let cacheFile = '';
  return {
    name: 'policy-reader:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        origins = config.site ? [config.site] : [];
        cacheFile = path.join(fileURLToPath(config.cacheDir), 'link-check-pages.json');
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const site: SiteIndex = { pages: new Map(), files: new Set() };
        // A page's ids and links are read again only from a page that changed (integrations/built-pages); they are checked anew every time.
        const pages = builtPageReader(cacheFile, (html) => {
          const { ids, links } = htmlLinks(html);
          return { ids: [...ids], links };
        });
        for (const file of files(root)) {
          if (!file.endsWith('.html')) {
            site.files.add(file);
            continue;
          }
          const { ids, links } = pages.read(path.join(root, file), file);
          site.pages.set(file.replace(/(^|\/)index\.html$/, '$1'), { ids: new Set(ids), links });
        }
        const { broken } = checkLinks(site, origins);
        if (broken.length > 0) {
          throw contentError(
            `Broken links in the built site (nothing was published):\n${broken.map((b) => `  - ${b.page}: ${b.href} (${b.problem})`).join('\n')}`,
          );
        }
        pages.save();
        logger.info(`checked the links of ${site.pages.size} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
