// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import articleCards from './src/integrations/article-cards';
import devCaptures from './src/integrations/dev-captures';
import headersFile from './src/integrations/headers-file';
import linkCheck from './src/integrations/link-check';
import pageReuse from './src/integrations/page-reuse';
import permalinkRegister from './src/integrations/permalink-register';
import searchIndex from './src/integrations/search-index';
import { cacheFolder, siteAddress } from './src/integrations/build-settings';
import { movedArticlePaths } from './src/content-files/permalinks';

// Renamed articles' old addresses only send readers on: not pages of the sitemap.
const movedArticles = movedArticlePaths();

// Article pages a rebuild copies from the previous build instead of rendering (integrations/page-reuse) join the sitemap here.
/** @type {string[]} */
const copiedPages = [];

// The public address of the site, used for canonical and shared links.
const site = siteAddress();
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  site,
  trailingSlash: 'always',
  // scripts/build.mjs builds into a folder of its own and only then points
  // dist at it, in one rename, so a failed build never leaves half a site.
  outDir: process.env.POLICY_READER_OUT ?? './dist',
  cacheDir: cacheFolder(root),
  // Page reuse first: the steps after it see the whole site. The link check last of the checks: it checks what the
  // others write too; then, in a bare astro build, the search index (scripts/build.mjs builds it once Astro has exited).
  integrations: [
    pageReuse({ root, sitemapPages: copiedPages }),
    sitemap({ customPages: copiedPages, filter: (page) => !page.includes('/404') && !movedArticles.has(new URL(page).pathname) }),
    headersFile(),
    permalinkRegister(),
    articleCards(),
    linkCheck(),
    devCaptures(),
    searchIndex(),
  ],
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
  // Articles are rendered by their own loader (src/loaders/articles.ts), not by
  // Astro's Markdown pipeline; this only keeps Shiki's inline styles, which the
  // CSP would refuse, out of anything Astro might render.
  markdown: { syntaxHighlight: false },
});
