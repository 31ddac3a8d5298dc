import { shardOf } from './did-you-mean';
import { words } from './text';

/**
 * People, organisations and topics as search results of their own: a query
 * that names one ("chris hopson", "NHSI", "what did the Nuffield Trust
 * say") shows it above the articles, with a way to what it said. The build
 * writes the entities in shards by the first letter of each word of each
 * of their names (search/entities/<shard>.json), and the search page fetches
 * only the shards of the query's words.
 */
export type EntityKind = 'person' | 'organisation' | 'topic';

export interface EntityEntry {
  kind: EntityKind;
  id: string;
  name: string;
  /** Aliases and acronyms, as the texts write them. */
  also: string[];
  href: string;
  /** One line: a person's latest stated role, an organisation's kind, a topic's description. */
  note?: string | undefined;
  /** How many quotations (people) or articles (organisations, topics) the collection has of it. */
  count: number;
}

/** The shards an entry is filed under: the first letter of every word of every name. */
export function entityShardsOf(entry: Pick<EntityEntry, 'name' | 'also'>): string[] {
  return [...new Set([entry.name, ...entry.also].flatMap((name) => words(name).map(shardOf)))];
}

/** The shards to fetch for a query: the first letters of its words (a long pasted passage names no one: none past MAX_WORDS). */
export const MAX_WORDS = 8;
export function queryShards(query: string): string[] {
  const list = words(query);
  return list.length > MAX_WORDS ? [] : [...new Set(list.map(shardOf))];
}

/**
 * The entities a query names: each whose name, alias or acronym stands in
 * the query as whole words (case, quotes and punctuation aside). A name
 * that is the whole query comes first; then people, organisations, topics;
 * a name of one short word (under three letters) must be the whole query.
 */
export function namedEntities(query: string, entries: readonly EntityEntry[]): EntityEntry[] {
  // A possessive names its owner: "the Nuffield Trust’s view".
  const asked = words(query).map((w) => w.replace(/'s$/, ''));
  if (asked.length === 0 || asked.length > MAX_WORDS) return [];
  const phrase = ` ${asked.join(' ')} `;
  const order: Record<EntityKind, number> = { person: 0, organisation: 1, topic: 2 };
  const found = new Map<string, { entry: EntityEntry; whole: boolean }>();
  for (const entry of entries) {
    for (const name of [entry.name, ...entry.also]) {
      const named = words(name);
      if (named.length === 0) continue;
      const whole = named.join(' ') === asked.join(' ');
      if (!whole && named.length === 1 && named[0]!.length < 3) continue;
      if (!phrase.includes(` ${named.join(' ')} `)) continue;
      const key = `${entry.kind}/${entry.id}`;
      found.set(key, { entry, whole: whole || (found.get(key)?.whole ?? false) });
    }
  }
  return [...found.values()]
    .sort((a, b) => Number(b.whole) - Number(a.whole) || order[a.entry.kind] - order[b.entry.kind] || b.entry.count - a.entry.count || a.entry.name.localeCompare(b.entry.name))
    .map(({ entry }) => entry);
}

/** Everything a person's search (`?person=Name` and nothing else) lists: their quotations, then what they wrote, then where they are named. */
export interface PersonListing {
  name: string;
  /** Each quotation with the role the speaker held then, landing on its block with the words highlighted. */
  quotations: (ArticleFacts & { text: string; role?: string | undefined; href: string })[];
  wrote: (ArticleFacts & { href: string })[];
  /** The first block of each article that names them. */
  named: (ArticleFacts & { text: string; href: string })[];
}

/** One line of a person's search, of one of the three kinds. */
export type PersonItem =
  | ({ kind: 'quotation' } & PersonListing['quotations'][number])
  | ({ kind: 'wrote' } & PersonListing['wrote'][number])
  | ({ kind: 'named' } & PersonListing['named'][number]);

/**
 * The first page of a person's search (search/people/<id>.json): how many of
 * each kind there are, how many pages, and the first page's lines. The rest
 * come PERSON_MORE_SIZE lines a file (search/people/<id>/<n>.json), fetched
 * by "Show more": a person quoted in hundreds of articles is a first screen,
 * not a download of every line.
 */
export interface PersonWords {
  name: string;
  counts: { quotations: number; wrote: number; named: number };
  pages: number;
  items: PersonItem[];
}

/** A later page of a person's search ("Show more") holds this many lines. */
export const PERSON_MORE_SIZE = 100;

/**
 * A person's listing a page at a time: the first page (`size` lines) with the
 * counts, then the lines of every later page (`more` lines each: a person
 * quoted in hundreds of articles is a few files to build, not dozens, and
 * each "Show more" adds that many lines, already written, no fragment to load).
 */
export function personPages(listing: PersonListing, size: number, more = size): { first: PersonWords; rest: PersonItem[][] } {
  const items: PersonItem[] = [
    ...listing.quotations.map((q): PersonItem => ({ kind: 'quotation', ...q })),
    ...listing.wrote.map((a): PersonItem => ({ kind: 'wrote', ...a })),
    ...listing.named.map((m): PersonItem => ({ kind: 'named', ...m })),
  ];
  const pages: PersonItem[][] = [items.slice(0, size)];
  for (let at = size; at < items.length; at += more) pages.push(items.slice(at, at + more));
  const counts = { quotations: listing.quotations.length, wrote: listing.wrote.length, named: listing.named.length };
  return { first: { name: listing.name, counts, pages: pages.length, items: pages[0]! }, rest: pages.slice(1) };
}

/** An article as a result shows it: title, then publisher and date, inferences marked "(inferred)". */
export interface ArticleFacts {
  title: string;
  publisher?: string | undefined;
  date?: string | undefined;
}
