import { describe, expect, it } from 'vitest';
import { renderHeadersFile } from '../../src/lib/headers';

describe('the _headers file', () => {
  const file = renderHeadersFile();

  it('sends the security headers a <meta> CSP cannot carry on every path', () => {
    expect(file).toMatch(/^\/\*\n(  .+\n)*  Content-Security-Policy: frame-ancestors 'none'\n/);
    expect(file).toContain("  X-Content-Type-Options: nosniff\n");
    expect(file).toContain('  Referrer-Policy: strict-origin-when-cross-origin\n');
  });

  it('caches hashed assets for a year and revalidates pages', () => {
    expect(file).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    expect(file).toMatch(/\/\*\n(  .+\n)*  Cache-Control: public, max-age=0, must-revalidate\n/);
  });

  it('writes one "path" line and indented "Name: value" lines per rule, as Netlify and Cloudflare Pages read them', () => {
    expect(renderHeadersFile([{ path: '/a', headers: { X: '1', Y: '2' } }])).toBe('/a\n  X: 1\n  Y: 2\n');
  });
});
