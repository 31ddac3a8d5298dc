import { pages, parseRoute } from './routes';
import { SITE_NAME } from './head-title';

/**
 * schema.org JSON-LD for a page that is not an article (articles carry their
 * own, with their stated facts): what kind of page it is, from its path, and
 * what it is about. Only names and addresses the page itself shows.
 */
export function pageStructuredData(path: string, page: { title: string; description: string; url: string; site: string }): Record<string, unknown> {
  const website = { '@type': 'WebSite', name: SITE_NAME, url: page.site };
  const base = { '@context': 'https://schema.org', name: page.title, description: page.description, url: page.url, isPartOf: website };
  if (path === pages.home) {
    return {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: SITE_NAME,
      description: page.description,
      url: page.site,
      potentialAction: { '@type': 'SearchAction', target: `${new URL(pages.search, page.site).href}?q={search_term_string}`, 'query-input': 'required name=search_term_string' },
    };
  }
  const route = parseRoute(path);
  if (route?.kind === 'people') return { ...base, '@type': 'ProfilePage', mainEntity: { '@type': 'Person', name: page.title, url: page.url } };
  if (route?.kind === 'organisations') return { ...base, '@type': 'AboutPage', mainEntity: { '@type': 'Organization', name: page.title, url: page.url } };
  if (route?.kind === 'topics') return { ...base, '@type': 'CollectionPage', about: { '@type': 'Thing', name: page.title } };
  if (path === pages.about) return { ...base, '@type': 'AboutPage' };
  if (path === pages.search) return { ...base, '@type': 'SearchResultsPage' };
  if (path === pages.glossary) return { ...base, '@type': 'DefinedTermSet' };
  return { ...base, '@type': 'CollectionPage' };
}
