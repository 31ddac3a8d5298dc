import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { renderHeadersFile } from '../lib/headers';

/** Writes dist/_headers, so the site deploys with its headers to Netlify or Cloudflare Pages as it is. */
export default function headersFile(): AstroIntegration {
  return {
    name: 'policy-reader:headers-file',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        writeFileSync(new URL('_headers', dir), renderHeadersFile());
        logger.info('wrote _headers');
      },
    },
  };
}
