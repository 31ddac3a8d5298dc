import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { articlePagesGlob } from '../lib/routes';

/**
 * Builds the Pagefind search index from the finished pages. Only pages that
 * mark a region with data-pagefind-body (the articles) are indexed; any
 * indexing error fails the build, so a site never ships with a broken search.
 *
 * Pagefind is given the article pages alone: it reads every page it is given,
 * and the few hundred pages that list the collection, though not indexed,
 * nearly doubled its time at 5,000 articles (19 s against 11 s) for the same
 * index, file for file. tests/build/search-index.test.ts checks that no page
 * outside the glob asks to be indexed.
 */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'policy-reader:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          const fail = (step: string, list: string[]) => {
            if (list.length > 0) throw new Error(`Search indexing failed while ${step}:\n  - ${list.join('\n  - ')}`);
          };
          fail('starting Pagefind', errors);
          if (!index) throw new Error('Search indexing failed: Pagefind returned no index.');
          const added = await index.addDirectory({ path: site, glob: articlePagesGlob() });
          fail('reading the pages', added.errors);
          if (added.page_count === 0) throw new Error('Search indexing found no pages with data-pagefind-body.');
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          fail('writing the index', written.errors);
          logger.info(`indexed ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
