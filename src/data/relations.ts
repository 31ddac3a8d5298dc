import { articleOf, type Article, type Catalogue, type Person } from './catalogue';

/**
 * Who and what each article names, turned round: for each person,
 * organisation and topic, its articles (newest first, as the catalogue
 * orders them). Made in one pass over the articles and people, once per
 * catalogue, so that the entity pages and the search's entity list cost one
 * lookup each rather than a pass over the whole collection each.
 */
interface Relations {
  authored: Map<string, Article[]>;
  quoted: Map<string, Article[]>;
  published: Map<string, Article[]>;
  probablyPublished: Map<string, Article[]>;
  /** Named among an article's organisations, which neither states nor is inferred to have published it. */
  involved: Map<string, Article[]>;
  topics: Map<string, Article[]>;
  peopleAt: Map<string, { person: Person; role: ReturnType<typeof rolesOf>[number] }[]>;
}

const relationsCache = new WeakMap<Catalogue, Relations>();

function relations(c: Catalogue): Relations {
  let r = relationsCache.get(c);
  if (r) return r;
  r = { authored: new Map(), quoted: new Map(), published: new Map(), probablyPublished: new Map(), involved: new Map(), topics: new Map(), peopleAt: new Map() };
  const add = <T>(map: Map<string, T[]>, ids: Iterable<string>, item: T) => {
    for (const id of new Set(ids)) {
      const list = map.get(id);
      if (list) list.push(item);
      else map.set(id, [item]);
    }
  };
  const ids = (refs: { id: string }[]) => refs.map((ref) => ref.id);
  for (const a of c.articles) {
    add(r.authored, ids(a.data.authors), a);
    add(r.quoted, ids(a.data.speakers), a);
    const publisher = a.data.publisher?.id;
    const probable = a.data.publisherInferred?.value.id;
    if (publisher !== undefined) add(r.published, [publisher], a);
    if (probable !== undefined) add(r.probablyPublished, [probable], a);
    add(r.involved, ids(a.data.organisations).filter((id) => id !== publisher && id !== probable), a);
    add(r.topics, ids(a.data.topics), a);
  }
  for (const person of c.people.values()) {
    for (const role of rolesOf(c, person)) if (role.organisation) add(r.peopleAt, [role.organisation.id], { person, role });
  }
  relationsCache.set(c, r);
  return r;
}

export function articlesOfPerson(c: Catalogue, id: string) {
  const r = relations(c);
  return { authored: r.authored.get(id) ?? [], quoted: r.quoted.get(id) ?? [] };
}

export function articlesOfOrganisation(c: Catalogue, id: string) {
  const r = relations(c);
  return { published: r.published.get(id) ?? [], probablyPublished: r.probablyPublished.get(id) ?? [], involved: r.involved.get(id) ?? [] };
}

export function articlesOfTopic(c: Catalogue, id: string): Article[] {
  return relations(c).topics.get(id) ?? [];
}

/** Each role of a person, with the article that states it (whose date is the role's date). */
export function rolesOf(c: Catalogue, person: Person) {
  return person.data.roles.map((role) => ({ ...role, article: articleOf(c, role.statedIn) }));
}

/** The people with a role at the organisation, each role once, in the order of the people and their roles. */
export function peopleAtOrganisation(c: Catalogue, id: string) {
  return relations(c).peopleAt.get(id) ?? [];
}
