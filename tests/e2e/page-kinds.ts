/** The accessibility rules every page and component example is held to: WCAG 2.2 AA and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * One page of every kind the site has; the gates run over each. `ready` is an
 * element to wait for when a page fills itself in after loading.
 */
export const PAGE_KINDS: readonly { kind: string; path: string; ready?: string }[] = [
  { kind: 'home', path: '/' },
  { kind: 'article list', path: '/articles/' },
  { kind: 'article (full metadata)', path: '/articles/view-from-westminster/' },
  { kind: 'article (pull quotes, notes)', path: '/articles/new-structure-profound-shift/' },
  { kind: 'article (untitled source)', path: '/articles/critical-time-for-the-nhs/' },
  { kind: 'people list', path: '/people/' },
  { kind: 'person', path: '/people/chris-hopson/' },
  { kind: 'organisation list', path: '/organisations/' },
  { kind: 'organisation', path: '/organisations/nhs-providers/' },
  { kind: 'topic list', path: '/topics/' },
  { kind: 'topic', path: '/topics/leadership/' },
  { kind: 'article (contents, quotations)', path: '/articles/inspiration-and-system-leadership/' },
  { kind: 'about', path: '/about/' },
  { kind: 'quotes', path: '/quotes/' },
  { kind: 'glossary', path: '/glossary/' },
  { kind: 'timeline', path: '/timeline/' },
  { kind: 'search (empty)', path: '/search/', ready: '#search-q' },
  { kind: 'search (results and filters shown)', path: '/search/?q=leadership', ready: '.search-result' },
  { kind: 'not found', path: '/no-such-page/' },
];
