/** One page of every kind the site has; the gates run over each. */
export const PAGE_KINDS = [
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
  { kind: 'not found', path: '/no-such-page/' },
] as const;
