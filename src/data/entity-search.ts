import { entityShardsOf, PERSON_MORE_SIZE, personPages, type EntityEntry, type PersonItem, type PersonListing, type PersonWords } from '../lib/entity-search';
import { PAGE_SIZE } from '../lib/search-engine';
import { plainFact } from '../lib/fact';
import { describeRole } from '../lib/roles';
import { articleUrl, organisationUrl, personUrl, topicUrl } from '../lib/routes';
import { articleView } from './article-view';
import { type Article, type Catalogue } from './catalogue';
import { type CrossLinks } from './cross-links';
import { articlesOfOrganisation, articlesOfTopic, rolesOf } from './relations';

/**
 * The search page's data about people, organisations and topics
 * (lib/entity-search): every entity with its names, in shards, and for each
 * person what a search for them alone lists.
 */
export function entityShards(c: Catalogue, x: CrossLinks): Map<string, EntityEntry[]> {
  const spoken = new Map<string, number>();
  for (const q of x.quotes) if (q.speaker) spoken.set(q.speaker, (spoken.get(q.speaker) ?? 0) + 1);
  const entries: EntityEntry[] = [
    ...[...c.people.values()].map((p): EntityEntry => {
      const latest = rolesOf(c, p).at(-1);
      const role = latest && describeRole({ title: latest.title, organisation: latest.organisation && c.organisations.get(latest.organisation.id)?.data.name, statedIn: latest.article.id });
      return { kind: 'person', id: p.id, name: p.data.name, also: p.data.aliases, href: personUrl(p.id), note: role || undefined, count: spoken.get(p.id) ?? 0 };
    }),
    ...[...c.organisations.values()].map((o): EntityEntry => {
      const { published, probablyPublished, involved } = articlesOfOrganisation(c, o.id);
      return {
        kind: 'organisation',
        id: o.id,
        name: o.data.name,
        also: [...(o.data.acronym ? [o.data.acronym] : []), ...o.data.aliases],
        href: organisationUrl(o.id),
        note: o.data.kind,
        count: published.length + probablyPublished.length + involved.length,
      };
    }),
    ...[...c.topics.values()].map((t): EntityEntry => ({ kind: 'topic', id: t.id, name: t.data.name, also: [], href: topicUrl(t.id), note: t.data.description, count: articlesOfTopic(c, t.id).length })),
  ];
  const shards = new Map<string, EntityEntry[]>();
  for (const entry of entries) {
    for (const shard of entityShardsOf(entry)) {
      const list = shards.get(shard);
      if (list) list.push(entry);
      else shards.set(shard, [entry]);
    }
  }
  return shards;
}

/** An article's publisher and date as search results show them, inferences marked. */
const factsOf = (c: Catalogue, article: Article) => {
  const { date, publisher } = articleView(c, article);
  return {
    title: article.data.title,
    publisher: publisher.status === 'none' ? undefined : plainFact(publisher.value.name, publisher.status),
    date: date.status === 'none' ? undefined : plainFact(date.label, date.status),
  };
};

/**
 * For every person, their own words first (each landing on its block, the
 * words highlighted), then what they wrote, then where they are named: built
 * in one pass over the quotations and articles, not once per person.
 */
export function peopleWords(c: Catalogue, x: CrossLinks): Map<string, PersonListing> {
  const words = new Map<string, PersonListing>([...c.people.values()].map((p) => [p.id, { name: p.data.name, quotations: [], wrote: [], named: [] }]));
  const land = (href: string, text: string) => href.replace('#', `?highlight=${encodeURIComponent(text)}#`);
  for (const q of x.quotes) {
    if (q.speaker) words.get(q.speaker)?.quotations.push({ text: q.text, role: q.role, href: land(q.href, q.text), ...factsOf(c, q.article) });
  }
  for (const a of c.articles) {
    for (const author of a.data.authors) words.get(author.id)?.wrote.push({ href: articleUrl(a.id), ...factsOf(c, a) });
  }
  for (const [id, person] of words) {
    person.named = (x.mentions.get(`people/${id}`) ?? []).map((m) => ({ text: m.text, href: m.href, ...factsOf(c, m.article) }));
  }
  return words;
}

const inputsMade = new WeakMap<CrossLinks, object>();

/**
 * What the people's searches are made from, for a key (data/page-reuse
 * keptFilesToRender, which takes each collection entry by its id and data),
 * one object a build for both routes: the articles (their authors, titles,
 * dates, publishers), the people and organisations, the quotations (with
 * their speakers' roles) and where each person is named.
 */
export function peopleSearchInputs(c: Catalogue, x: CrossLinks): object {
  let made = inputsMade.get(x);
  if (!made) {
    made = [c.articles, [...c.people.values()], [...c.organisations.values()], x.quotes, [...c.people.keys()].map((id) => x.mentions.get(`people/${id}`) ?? [])];
    inputsMade.set(x, made);
  }
  return made;
}

const pagesMade = new WeakMap<CrossLinks, Map<string, { first: PersonWords; rest: PersonItem[][] }>>();

/** Every person's search a page at a time (lib/entity-search personPages), the first as many lines as a search shows: worked out once per build. */
export function peoplePages(c: Catalogue, x: CrossLinks): Map<string, { first: PersonWords; rest: PersonItem[][] }> {
  let made = pagesMade.get(x);
  if (!made) {
    made = new Map([...peopleWords(c, x)].map(([id, listing]) => [id, personPages(listing, PAGE_SIZE, PERSON_MORE_SIZE)]));
    pagesMade.set(x, made);
  }
  return made;
}
