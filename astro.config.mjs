// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { readCollectionInputs } from './src/content-files/collection-inputs';
import { contentDir } from './src/content-files/paths';
import { readCorpus } from './src/markdown/corpus';
import { articlePlugins } from './src/markdown/pipeline';
import headersFile from './src/integrations/headers-file';
import permalinkRegister from './src/integrations/permalink-register';
import searchIndex from './src/integrations/search-index';

// The public address of the site, used for canonical and shared links.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

// Read once and handed to the Markdown plugins as options.
const inputs = readCollectionInputs();

export default defineConfig({
  site,
  trailingSlash: 'always',
  // scripts/build.mjs builds into a staging folder and only then swaps it in
  // for dist/, so a failed build never leaves half a site behind.
  outDir: process.env.POLICY_READER_OUT ?? './dist',
  cacheDir: process.env.POLICY_READER_CACHE ?? './node_modules/.astro',
  integrations: [sitemap({ filter: (page) => !page.includes('/404') }), headersFile(), permalinkRegister(), searchIndex()],
  security: {
    // A <meta> CSP on every page, with hashes for Astro's inline scripts and
    // styles; no 'unsafe-inline'. Pagefind's WebAssembly needs
    // 'wasm-unsafe-eval' and its web worker a blob: worker-src.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  markdown: {
    // No code in the collection; Shiki's inline styles would also need CSP exceptions.
    syntaxHighlight: false,
    processor: unified({
      // Source text is kept exactly as captured: no "smart" quotes or dashes.
      smartypants: false,
      ...articlePlugins(inputs, () => readCorpus(contentDir, inputs)),
    }),
  },
});
