import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardText } from '../lib/article-card';
import { CARD_WORKER, cardCacheDir, cardFile, fillCardCache } from '../lib/card-painter';
import { articleRow } from '../lib/exports';
import { articleCardUrl, dataUrl } from '../lib/routes';
import { placeFile } from './site-files';

/**
 * Puts each article's link-preview card (lib/article-card) beside its page,
 * from the article rows the build has just written to /data/articles.json,
 * so the card and the data never disagree. The articles loader has usually
 * drawn them already, on a thread of its own while the pages were rendered
 * (loaders/card-worker.mjs); any card it did not draw is drawn here.
 */
export default function articleCards(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'policy-reader:article-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = cardCacheDir(fileURLToPath(config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const early = await (globalThis as Record<symbol, Promise<number> | undefined>)[CARD_WORKER];
        const site = fileURLToPath(dir);
        const rows = articleRow.array().parse(JSON.parse(readFileSync(path.join(site, dataUrl('articles.json')), 'utf8')));
        const texts = rows.map(cardText);
        const late = fillCardCache(cacheDir, texts);
        rows.forEach((row, i) => {
          const out = path.join(site, articleCardUrl(row.slug));
          placeFile(cardFile(cacheDir, texts[i]!), out);
        });
        logger.info(
          `${rows.length} article cards: ${early ?? 0} drawn while the pages were built, ${late} drawn now, the rest from the cache (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      },
    },
  };
}
