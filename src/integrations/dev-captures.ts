import type { AstroIntegration } from 'astro';
import { sourceUrlInDev } from '../lib/routes';

/**
 * In `astro dev`, serves a capture at the address pages link to
 * (/sources/<file>.txt), which the built site serves as a file. Astro's dev
 * server would answer 404 there: with trailingSlash 'always' it matches the
 * sources route only with a slash at the end (lib/routes, sourceUrlInDev).
 * An editor checking an article against its capture follows that link.
 */
export default function devCaptures(): AstroIntegration {
  return {
    name: 'policy-reader:dev-captures',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, _response, next) => {
          const to = request.url && sourceUrlInDev(request.url);
          if (to) request.url = to;
          next();
        });
      },
    },
  };
}
