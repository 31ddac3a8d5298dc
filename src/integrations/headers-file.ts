import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { readRegister } from '../content-files/permalinks';
import { renderHeadersFile, renderRedirectsFile } from '../lib/headers';
import { articleUrl } from '../lib/routes';

/** Writes dist/_headers and dist/_redirects, so the site deploys to Netlify or Cloudflare Pages as it is. */
export default function headersFile(): AstroIntegration {
  return {
    name: 'policy-reader:headers-file',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        writeFileSync(new URL('_headers', dir), renderHeadersFile());
        writeFileSync(new URL('_redirects', dir), renderRedirectsFile(readRegister().movedArticles ?? {}, articleUrl));
        logger.info('wrote _headers and _redirects');
      },
    },
  };
}
