import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { isDeepStrictEqual } from 'node:util';
import { withNewAnchors } from '../lib/permalink-register';
import { readRegister, registerName, writeRegister } from '../content-files/permalinks';
import { builtPageReader } from './built-pages';
import { checksLeftToFinish } from './build-settings';

/*
 * A block's start tag as the build writes it: data-block and id are the only
 * attributes the block plugins put there (hast-util-to-html quotes and escapes
 * them), so a pattern reads them without parsing the page. Parsing every page
 * again cost a tenth of a 1,000-article build.
 */
const BLOCK_TAG = /<[a-z][a-z0-9]*\s([^<>]*\bdata-block="[^"]*"[^<>]*)>/g;
const ID = /(?:^|\s)id="([^"]*)"/;

/** The mark the article page puts on a draft (src/pages/articles/[slug].astro). */
const DRAFT = /<article\b[^>]*\sdata-draft[\s=>]/;

/** Block ids of a built page, in document order. */
export function blockIdsOf(html: string): string[] {
  const ids: string[] = [];
  for (const [, attributes] of html.matchAll(BLOCK_TAG)) {
    const id = ID.exec(attributes!)?.[1];
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** What the register reads of each built article page: its block ids, or null for a draft, whose addresses are not promised until it is published. */
const anchorsReader = (cacheFile: string) => builtPageReader(cacheFile, (html) => (DRAFT.test(html) ? null : blockIdsOf(html)));

/**
 * What recording the permalinks starts from: the register as committed and
 * what the last build read of each page. Read before the site is finished
 * (scripts/finish-build.mjs, while Astro writes the rest of it), they were a
 * third of a second less after.
 */
export function registerInputs(cacheFile: string) {
  return { register: readRegister(), pages: anchorsReader(cacheFile) };
}

/** Block ids of each built article page, in document order; a page read before is not read again (integrations/built-pages). */
function builtAnchors(dir: URL, pages: ReturnType<typeof anchorsReader>): Map<string, string[]> {
  const site = new Map<string, string[]>();
  const articles = new URL('articles/', dir);
  if (!existsSync(articles)) return site;
  for (const entry of readdirSync(articles, { withFileTypes: true })) {
    const page = new URL(`${entry.name}/index.html`, articles);
    if (!entry.isDirectory() || !existsSync(page)) continue;
    const ids = pages.read(fileURLToPath(page), entry.name);
    if (ids) site.set(entry.name, ids);
  }
  pages.save();
  return site;
}

/**
 * After the pages are written, adds their new anchors to the register of
 * published anchors, a change to review and commit. (Whether a published URL
 * or block id disappeared is checked before any page is built, with the other
 * content problems, in loaders/articles.)
 */
export function recordPermalinks(dir: URL, cacheFile: string, logger: Pick<AstroIntegrationLogger, 'info'>, inputs = registerInputs(cacheFile)): void {
  const started = performance.now();
  const { register } = inputs;
  const site = builtAnchors(dir, inputs.pages);
  const updated = withNewAnchors(register, site);
  if (!isDeepStrictEqual(updated, register)) {
    writeRegister(updated);
    logger.info(`added new anchors to ${registerName}: review and commit it`);
  }
  logger.info(`recorded the permalinks of ${site.size} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Where the register keeps the block ids it read of each article page. */
export const registerCache = (cacheDir: string) => path.join(cacheDir, 'permalink-register-pages.json');

/** Records the permalinks in Astro's build; or, in a build by scripts/build.mjs of a site small enough, after Astro (integrations/build-settings). */
export default function permalinkRegister(): AstroIntegration {
  let cacheFile = '';
  return {
    name: 'policy-reader:permalink-register',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheFile = registerCache(fileURLToPath(config.cacheDir));
      },
      'astro:build:done': ({ dir, logger }) => {
        if (checksLeftToFinish(fileURLToPath(dir))) return;
        recordPermalinks(dir, cacheFile, logger);
      },
    },
  };
}
