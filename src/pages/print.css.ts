import type { APIRoute } from 'astro';

/*
 * The print stylesheet, loaded only for print (media="print"), so it costs a
 * screen reader nothing. It is an endpoint rather than a file so that links
 * can print as full addresses: the public site URL is known at build time.
 * Mentions (links the site adds to names) print without their address, as
 * they are not the author's links.
 */
export const GET: APIRoute = ({ site }) => {
  const base = (site?.href ?? 'http://localhost:4321/').replace(/\/$/, '');
  const css = `
:root { color-scheme: light; }
body { background: #fff; color: #000; font-size: 11pt; }
.skip-link, .site-header, .site-footer, .block-link, .theme-toggle, .quote-share, .copy-button,
.article-contents, .related, .prev-next, .provenance, .cite-block__files, .cite-block__note,
.site-search, .search, .search-nojs, #announcer { display: none !important; }
main { max-width: none; padding: 0; }
a { color: inherit; }
main a[href^="/"]:not(.mention)::after { content: " (${base}" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
main a[href^="http"]:not(.mention)::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
:target, .search-hit, mark { background: none; outline: none; box-shadow: none; }
.pull-quote, blockquote, .block-note, .article-meta { break-inside: avoid; }
h1, h2, h3 { break-after: avoid; }
.cite-block { border-top: 1px solid #000; margin-top: 2em; padding-top: 1em; }
.cite-block__citation { background: none; border: 0; padding: 0; }
`;
  return new Response(css.trimStart(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
