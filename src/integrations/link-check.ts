import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentError } from '../lib/content-error';
import { htmlLinks } from '../lib/html-links';
import { checkLinks, type SiteIndex } from '../lib/link-check';

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
  return {
    name: 'policy-reader:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        origins = config.site ? [config.site] : [];
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const site: SiteIndex = { pages: new Map(), files: new Set() };
        for (const file of files(root)) {
          if (!file.endsWith('.html')) site.files.add(file);
          else site.pages.set(file.replace(/(^|\/)index\.html$/, '$1'), htmlLinks(readFileSync(path.join(root, file), 'utf8')));
        }
        const { broken } = checkLinks(site, origins);
        if (broken.length > 0) {
          throw contentError(
            `Broken links in the built site (nothing was published):\n${broken.map((b) => `  - ${b.page}: ${b.href} (${b.problem})`).join('\n')}`,
          );
        }
        logger.info(`checked the links of ${site.pages.size} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
