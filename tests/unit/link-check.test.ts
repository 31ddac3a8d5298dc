import { describe, expect, it } from 'vitest';
import { checkLinks, type SiteIndex } from '../../src/lib/link-check';

function site(pages: Record<string, { ids?: string[]; links?: string[] }>, files: string[] = []): SiteIndex {
  return {
    pages: new Map(Object.entries(pages).map(([p, v]) => [p, { ids: new Set(v.ids ?? []), links: v.links ?? [] }])),
    files: new Set(files),
  };
}

describe('offline link checking', () => {
  it('accepts links to existing pages, files and ids, relative or absolute', () => {
    const report = checkLinks(
      site(
        {
          '/': { ids: ['intro'], links: ['/articles/a/', 'articles/a/#p-1', '/favicon.svg', '#intro', 'https://reader.example/articles/a/'] },
          '/articles/a/': { ids: ['p-1'] },
        },
        ['/favicon.svg'],
      ),
      ['https://reader.example'],
    );
    expect(report.broken).toEqual([]);
  });

  it('reports a missing page, a missing id and a missing trailing slash, naming the page', () => {
    const report = checkLinks(
      site({
        '/': { ids: [], links: ['/articles/nope/', '/articles/a/#gone', '/articles/a'] },
        '/articles/a/': { ids: ['p-1'] },
      }),
    );
    expect(report.broken).toEqual([
      { page: '/', href: '/articles/nope/', problem: 'no page or file at /articles/nope/' },
      { page: '/', href: '/articles/a/#gone', problem: '/articles/a/ has no element with id "gone"' },
      { page: '/', href: '/articles/a', problem: 'no trailing slash: link to /articles/a/' },
    ]);
  });

  it('checks the block id of a text-fragment link and ignores the text directive', () => {
    const pages = { '/': { links: ['/a/#p-1:~:text=genuine%20service'] }, '/a/': { ids: ['p-1'] } };
    expect(checkLinks(site(pages)).broken).toEqual([]);
  });

  it('resolves a relative link or a #fragment from the page that has it, when other pages have the same link', () => {
    const report = checkLinks(
      site({
        '/a/': { ids: ['top'], links: ['c/', '#top', '/a/c/', '/b/c/'] },
        '/a/c/': {},
        '/b/': { links: ['c/', '#top', '/a/c/', '/b/c/'] },
      }),
    );
    expect(report.broken).toEqual([
      { page: '/a/', href: '/b/c/', problem: 'no page or file at /b/c/' },
      { page: '/b/', href: 'c/', problem: 'no page or file at /b/c/' },
      { page: '/b/', href: '#top', problem: '/b/ has no element with id "top"' },
      { page: '/b/', href: '/b/c/', problem: 'no page or file at /b/c/' },
    ]);
  });

  it('lists external links without fetching them, and flags empty ones', () => {
    const report = checkLinks(site({ '/': { links: ['https://www.nuffieldtrust.org.uk/x', '#'] } }));
    expect(report.external).toEqual([{ page: '/', href: 'https://www.nuffieldtrust.org.uk/x' }]);
    expect(report.broken.map((b) => b.problem)).toEqual(['empty link']);
  });
});
