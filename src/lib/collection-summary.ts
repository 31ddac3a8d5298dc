import { valueOf, type Fact } from './fact';
import { compareNames, countOf, listed, upperFirst } from './text';

/**
 * What the collection's own pages say of it as a whole: its kinds of text and
 * its publishers, counted from the articles, so that the words stay true as
 * editors add the sixth article or the five-thousandth from a twentieth
 * publisher (a sentence written for the first five would not).
 */
export interface SummaryInput {
  kind: Fact<string>;
  /** The publisher's name. */
  publisher: Fact<string>;
}

export interface CollectionSummary {
  articles: number;
  /** Stated or inferred (each article page says which), most first. */
  kinds: { kind: string; count: number }[];
  kindNotStated: number;
  /** Stated or inferred, most first, then by name. */
  publishers: { name: string; count: number }[];
  publisherStated: number;
  publisherInferred: number;
  publisherNotStated: number;
}

function counted(values: (string | undefined)[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || compareNames(a.value, b.value));
}

export function summariseCollection(articles: readonly SummaryInput[]): CollectionSummary {
  const status = (s: Fact<string>['status']) => articles.filter((a) => a.publisher.status === s).length;
  return {
    articles: articles.length,
    kinds: counted(articles.map((a) => valueOf(a.kind))).map(({ value, count }) => ({ kind: value, count })),
    kindNotStated: articles.filter((a) => a.kind.status === 'none').length,
    publishers: counted(articles.map((a) => valueOf(a.publisher))).map(({ value, count }) => ({ name: value, count })),
    publisherStated: status('stated'),
    publisherInferred: status('inferred'),
    publisherNotStated: status('none'),
  };
}

const number = (n: number) => n.toLocaleString('en-GB');

/** Kinds of text whose plural is not the singular with an "s". */
const PLURALS: Record<string, string> = { speech: 'speeches', evidence: 'pieces of evidence' };
const SINGULARS: Record<string, string> = { evidence: 'a piece of evidence' };

/** "3 blog posts, a press release and 2 whose kind is not stated". */
export function kindsPhrase(summary: CollectionSummary): string {
  const kinds = summary.kinds.map(({ kind, count }) =>
    count === 1 ? (SINGULARS[kind] ?? `a ${kind}`) : countOf(count, kind, PLURALS[kind]),
  );
  if (summary.kindNotStated > 0) kinds.push(`${number(summary.kindNotStated)} whose kind is not stated`);
  return listed(kinds);
}

/**
 * The publishers with the most articles, and whether there are others (more publishers, or articles that name none):
 * "by Nuffield Trust, NHS Providers and others". Empty when no article has a publisher.
 */
export function byLeadingPublishers(summary: CollectionSummary, shown = 2): string {
  const names = summary.publishers.slice(0, shown).map((p) => p.name);
  if (names.length === 0) return '';
  const others = summary.publishers.length > shown || summary.publisherNotStated > 0;
  return `by ${others ? `${names.join(', ')} and others` : listed(names)}`;
}

/**
 * The publishers with their counts (the first `shown`, then how many more), and how many articles state their
 * publisher, have it inferred, or do not say: "From 2 publishers: Nuffield Trust (2) and NHS Providers (1). 1 of the 5
 * names its publisher; for 2 it is an editor’s inference, with its basis on the article’s page; 2 do not say."
 */
export function publishersSentence(summary: CollectionSummary, shown = 5): string {
  const { publishers, articles } = summary;
  if (publishers.length === 0) return articles === 0 ? '' : articles === 1 ? 'It does not say who published it.' : 'None of them says who published it.';
  const named = publishers.slice(0, shown).map((p) => `${p.name} (${number(p.count)})`);
  if (publishers.length > shown) named.push(`${number(publishers.length - shown)} more`);
  const from = `From ${countOf(publishers.length, 'publisher')}: ${listed(named)}.`;
  if (summary.publisherStated === articles) return `${from} ${articles === 1 ? 'It names its publisher' : `All ${number(articles)} name their publisher`}.`;
  const parts = [
    summary.publisherStated > 0 && `${number(summary.publisherStated)} of the ${number(articles)} ${summary.publisherStated === 1 ? 'names its' : 'name their'} publisher`,
    summary.publisherInferred > 0 && `for ${number(summary.publisherInferred)} it is an editor’s inference, with its basis on the article’s page`,
    summary.publisherNotStated > 0 && `${number(summary.publisherNotStated)} ${summary.publisherNotStated === 1 ? 'does' : 'do'} not say`,
  ].filter((part): part is string => typeof part === 'string');
  const said = parts.join('; ');
  return `${from} ${upperFirst(said)}.`;
}

/**
 * What the collection is, in a phrase: "commentary on the reform of NHS regulation" from the editors' subject
 * (content/collection.yaml), or just "policy commentary" when they have not written one (`upperFirst` to start a
 * sentence with it).
 */
export function commentaryOn(subject: string | undefined): string {
  return subject ? `commentary on ${subject}` : 'policy commentary';
}

/** The editors' introduction as paragraphs: split at blank lines, each paragraph's line breaks read as spaces. */
export function paragraphsOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
