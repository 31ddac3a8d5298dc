import { groupPages, type GroupOnPage } from '../lib/paging';
import { NAMES_PAGE_SIZE, organisationUrl, personUrl } from '../lib/routes';
import { compareNames, countOf, initialLetter } from '../lib/text';
import type { Catalogue } from './catalogue';
import type { CrossLinks } from './cross-links';
import { articlesOfOrganisation, articlesOfPerson } from './relations';

/**
 * The lists of people and of organisations, A to Z, a page at a time: a
 * collection from twenty publishers names thousands of people. Each name
 * with what the list shows beside it (a person's first role as stated, an
 * organisation's acronym and kind), filed under its initial letter.
 */
export interface NameEntry {
  name: string;
  href: string;
  acronym?: string | undefined;
  detail?: string | undefined;
  /** How many articles it wrote, published or is named or quoted in: where to start in a list of thousands. */
  counts?: string | undefined;
}

const articles = (n: number) => countOf(n, 'article');
const joined = (parts: (string | false)[]) => parts.filter((part): part is string => part !== false).join(' · ') || undefined;

const namedIn = (n: number) => n > 0 && `named in the text of ${articles(n)}`;

function personCounts(c: Catalogue, x: CrossLinks, id: string): string | undefined {
  const { authored, quoted } = articlesOfPerson(c, id);
  return joined([
    authored.length > 0 && `wrote ${articles(authored.length)}`,
    quoted.length > 0 && `speaks in ${articles(quoted.length)}`,
    namedIn(x.mentions.get(`people/${id}`)?.length ?? 0),
  ]);
}

function organisationCounts(c: Catalogue, x: CrossLinks, id: string): string | undefined {
  const { published, probablyPublished, involved } = articlesOfOrganisation(c, id);
  return joined([
    published.length > 0 && `published ${articles(published.length)}`,
    // An editor's inference, said as one (lib/fact): never added to what the sources state.
    probablyPublished.length > 0 && `probably published ${articles(probablyPublished.length)}`,
    involved.length > 0 && `involved in ${articles(involved.length)}`,
    namedIn(x.mentions.get(`organisations/${id}`)?.length ?? 0),
  ]);
}

export type NameIndex = { pages: GroupOnPage<string, NameEntry>[][]; startsOn: Map<string, number> };

const cache = new WeakMap<Catalogue, Map<'people' | 'organisations', NameIndex>>();

/** The pages of the list of people or of organisations, worked out once per build. */
export function namePages(c: Catalogue, x: CrossLinks, kind: 'people' | 'organisations'): NameIndex {
  let byKind = cache.get(c);
  if (!byKind) cache.set(c, (byKind = new Map()));
  let laid = byKind.get(kind);
  if (!laid) {
    const entries: NameEntry[] =
      kind === 'people'
        ? [...c.people.values()].map((p) => ({ name: p.data.name, href: personUrl(p.id), detail: p.data.roles[0]?.asStated, counts: personCounts(c, x, p.id) }))
        : [...c.organisations.values()].map((o) => ({ name: o.data.name, href: organisationUrl(o.id), acronym: o.data.acronym, detail: o.data.kind, counts: organisationCounts(c, x, o.id) }));
    entries.sort((a, b) => compareNames(a.name, b.name));
    const letters = new Map<string, NameEntry[]>();
    for (const e of entries) {
      const letter = initialLetter(e.name);
      const list = letters.get(letter);
      if (list) list.push(e);
      else letters.set(letter, [e]);
    }
    laid = groupPages([...letters].map(([group, items]) => ({ group, items })), NAMES_PAGE_SIZE);
    byKind.set(kind, laid);
  }
  return laid;
}
