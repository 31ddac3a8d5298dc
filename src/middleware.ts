import { defineMiddleware } from 'astro:middleware';
import { pageReuse } from './lib/page-reuse';

/**
 * Before each page a build renders, its route and address are named to page
 * reuse, which tells scripts/build.mjs as the article pages are written, so
 * that the search index can start on them while Astro writes the rest of
 * the site (lib/page-reuse, beforePage). Nothing in `astro dev` or a bare
 * `astro build`.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  await pageReuse()?.beforePage(context.routePattern, context.url.pathname);
  return next();
});
