import { describe, expect, it } from 'vitest';
import { HASHED_PATHS, HEADER_RULES, renderHeadersFile } from '../../src/lib/headers';
import { pagefindFragmentUrl } from '../../src/lib/routes';

/** Whether a request for `pathname` matches a rule's path ("/a/*" by prefix, as both hosts match it). */
const matches = (pattern: string, pathname: string) => (pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pattern === pathname);

describe('the _headers file', () => {
  const file = renderHeadersFile();

  it('sends the security headers a <meta> CSP cannot carry on every path', () => {
    expect(file).toMatch(/^\/\*\n(  .+\n)*  Content-Security-Policy: frame-ancestors 'none'\n/);
    expect(file).toContain("  X-Content-Type-Options: nosniff\n");
    expect(file).toContain('  Referrer-Policy: strict-origin-when-cross-origin\n');
  });

  it('caches Astro’s bundles and Pagefind’s hashed fragments, word chunks and filter chunks for a year', () => {
    for (const folder of ['/_astro/', '/pagefind/fragment/', '/pagefind/index/', '/pagefind/filter/']) {
      expect(file).toContain(`${folder}*\n  Cache-Control: public, max-age=31536000, immutable\n`);
    }
    expect(HASHED_PATHS.some((folder) => pagefindFragmentUrl('en_0123abc').startsWith(folder))).toBe(true);
  });

  it('leaves pages and every other file to the hosts’ default, which revalidates, so a corrected page reaches readers', () => {
    const rulesFor = (pathname: string) => HEADER_RULES.filter((rule) => matches(rule.path, pathname));
    for (const pathname of ['/', '/articles/some-article/', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/search/phrases/index.json']) {
      expect(rulesFor(pathname).flatMap((rule) => Object.keys(rule.headers))).not.toContain('Cache-Control');
    }
  });

  it('never gives one path the same header from two rules, which Cloudflare Pages would join into one value', () => {
    // A path each rule covers: the rule's own path, its * made concrete.
    for (const rule of HEADER_RULES) {
      const pathname = rule.path.replace(/\*$/, 'x');
      const names = HEADER_RULES.filter((other) => matches(other.path, pathname)).flatMap((other) => Object.keys(other.headers).map((n) => n.toLowerCase()));
      expect(names.filter((name, i) => names.indexOf(name) !== i), rule.path).toEqual([]);
    }
  });

  it('writes one "path" line and indented "Name: value" lines per rule, as Netlify and Cloudflare Pages read them', () => {
    expect(renderHeadersFile([{ path: '/a', headers: { X: '1', Y: '2' } }])).toBe('/a\n  X: 1\n  Y: 2\n');
  });
});
