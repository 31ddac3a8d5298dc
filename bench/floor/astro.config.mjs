// The floor for this stack: a bare Astro site that renders the same generated
// corpus through unified (remark-directive, as the articles use directives),
// one page per article, indexed by Pagefind. No checks, cross-links,
// citations or metadata: what any site on Astro + unified + Pagefind pays.
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import * as pagefind from 'pagefind';
import remarkDirective from 'remark-directive';

export default defineConfig({
  markdown: { syntaxHighlight: false, processor: unified({ smartypants: false, remarkPlugins: [remarkDirective] }) },
  integrations: [
    {
      name: 'floor:pagefind',
      hooks: {
        'astro:build:done': async ({ dir }) => {
          const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
          await index.addDirectory({ path: fileURLToPath(dir) });
          await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind', dir)) });
          await pagefind.close();
        },
      },
    },
  ],
});
