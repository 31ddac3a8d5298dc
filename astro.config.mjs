// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { loadTypeScript } from './src/lib/load-typescript.mjs';

// Astro imports this file with Node, and only if that fails through a Vite server of its own, which transforms every
// module it imports on every build (astro/dist/core/config/vite-load.js). The project's modules import each other
// without extensions, which Node resolves only with loadTypeScript's hook: registered first, then they are imported.
loadTypeScript();
const { default: articleCards } = await import('./src/integrations/article-cards.ts');
const { default: devCaptures } = await import('./src/integrations/dev-captures.ts');
const { default: headersFile } = await import('./src/integrations/headers-file.ts');
const { default: linkCheck } = await import('./src/integrations/link-check.ts');
const { default: pageReuse } = await import('./src/integrations/page-reuse.ts');
const { default: permalinkRegister } = await import('./src/integrations/permalink-register.ts');
const { default: searchIndex } = await import('./src/integrations/search-index.ts');
const { default: sitemap } = await import('./src/integrations/sitemap.ts');
const { cacheFolder, siteAddress } = await import('./src/integrations/build-settings.ts');
const { movedArticlePaths } = await import('./src/content-files/permalinks.ts');

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
