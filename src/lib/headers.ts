import { pagefindShardUrl } from './routes';
import { HASHED_FOLDERS } from './search-index-files';
import { MOST_SEARCH_SHARDS, shardFolder } from './search-shards';

/**
 * The `_headers` file that Netlify and Cloudflare Pages read: HTTP headers a
 * `<meta>` Content-Security-Policy cannot carry, and caching rules. Files
 * named by a hash of their contents never change under the same name, so
 * they are cached for a year; everything else is revalidated, so that a
 * corrected page reaches readers, by the hosts' own default
 * (`Cache-Control: public, max-age=0, must-revalidate` on both).
 *
 * No path may get one header from two rules: Netlify keeps the later rule's
 * value, but Cloudflare Pages joins the two with a comma, and a Cache-Control
 * that says both `max-age=0` and `max-age=31536000` is stale to a browser
 * (RFC 9111, 4.2.1), so the year's caching would be lost there.
 * https://developers.cloudflare.com/pages/configuration/headers/
 */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

export const SECURITY_HEADERS: Record<string, string> = {
  // frame-ancestors is ignored in a <meta> CSP, so it must be a header.
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Folders of files named by a hash of their contents: Astro's bundles, and
 * Pagefind's fragments, word chunks and filter chunks, which a reader's next
 * search would otherwise ask for again, one request each: those of every
 * shard the index may be cut into (lib/search-shards), as the headers are
 * written before the index.
 */
export const HASHED_PATHS: readonly string[] = [
  '/_astro/',
  ...Array.from({ length: MOST_SEARCH_SHARDS }, (_, n) => Object.keys(HASHED_FOLDERS).map((folder) => `${pagefindShardUrl(shardFolder(n))}${folder}/`)).flat(),
];

export const HEADER_RULES: HeaderRule[] = [
  { path: '/*', headers: SECURITY_HEADERS },
  ...HASHED_PATHS.map((folder) => ({ path: `${folder}*`, headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } })),
];

export function renderHeadersFile(rules: HeaderRule[] = HEADER_RULES): string {
  return (
    rules
      .map(({ path, headers }) =>
        [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
      )
      .join('\n\n') + '\n'
  );
}

/**
 * dist/_redirects (Netlify, Cloudflare Pages): a renamed article's old
 * address answers 301 with the new one, so a shared link still lands, and
 * without JavaScript; browsers keep the #block of the link across the
 * redirect. (Other hosts get the redirect page the build writes at the old
 * address, which keeps the #block with JavaScript.)
 */
export function renderRedirectsFile(movedArticles: Readonly<Record<string, string>>, articleUrl: (slug: string) => string): string {
  return Object.entries(movedArticles)
    .map(([from, to]) => `${articleUrl(from)} ${articleUrl(to)} 301\n${articleUrl(from)}index.html ${articleUrl(to)} 301\n`)
    .join('');
}
