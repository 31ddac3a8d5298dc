import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { isDeepStrictEqual } from 'node:util';
import { checkRegister, withNewAnchors } from '../lib/permalink-register';
import { readRegister, registerName, writeRegister } from '../content-files/permalinks';
import { contentError } from '../lib/content-error';

/** Block ids of each built article page, in document order. */
function builtAnchors(dir: URL): Map<string, string[]> {
  const site = new Map<string, string[]>();
  const articles = new URL('articles/', dir);
  if (!existsSync(articles)) return site;
  for (const entry of readdirSync(articles, { withFileTypes: true })) {
    const page = new URL(`${entry.name}/index.html`, articles);
    if (!entry.isDirectory() || !existsSync(page)) continue;
    const ids: string[] = [];
    visit(fromHtml(readFileSync(page, 'utf8')), 'element', (el: Element) => {
      if (el.properties.dataBlock !== undefined && typeof el.properties.id === 'string') ids.push(el.properties.id);
    });
    site.set(entry.name, ids);
  }
  return site;
}

/**
 * After the pages are written, checks them against the register of published
 * anchors: a published URL or block id that disappeared fails the build (and
 * nothing is published); new ones are added to the register, a change to
 * review and commit.
 */
export default function permalinkRegister(): AstroIntegration {
  return {
    name: 'policy-reader:permalink-register',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const register = readRegister();
        const site = builtAnchors(dir);
        const problems = checkRegister(register, site, registerName);
        if (problems.length > 0) {
          throw contentError(
            `Published permalinks would break:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`,
          );
        }
        const updated = withNewAnchors(register, site);
        if (!isDeepStrictEqual(updated, register)) {
          writeRegister(updated);
          logger.info(`added new anchors to ${registerName}: review and commit it`);
        }
      },
    },
  };
}
