import type { ArticleView } from '../../src/data/article-view';
import type { SpeakerGroup } from '../../src/data/cross-links';
import { articleDate } from '../../src/lib/article-dates';
import { citations, type Citations } from '../../src/lib/citations';
import type { CitableArticle } from '../../src/lib/csl';
import { parsePartialDate, type PartialDate } from '../../src/lib/dates';

/*
 * Examples of the components that carry the product's promises: facts shown
 * as stated, inferred or not stated; article metadata; citations; search
 * metadata. One list, used by the template tests (tests/components, Astro's
 * container API) and, rendered into pages, by the accessibility and layout
 * tests in a real browser (tests/e2e/component-examples.spec.ts), like
 * GOV.UK Frontend's component examples.
 */
const date = (iso: string) => parsePartialDate(iso) as PartialDate;
const person = (id: string, name: string) => ({ id, name, href: `/people/${id}/` });
const organisation = (id: string, name: string) => ({ id, name, href: `/organisations/${id}/` });

const base: ArticleView = {
  id: 'example',
  href: '/articles/example/',
  title: 'An example article',
  titleSource: 'source',
  date: articleDate({ published: date('2015-09-30') }),
  kind: { status: 'stated', value: 'Blog post' },
  publisher: { status: 'stated', value: organisation('nuffield-trust', 'Nuffield Trust') },
  authors: [person('stephen-dorrell', 'Stephen Dorrell')],
  speakers: [],
  organisations: [organisation('monitor', 'Monitor')],
  topics: [{ id: 'leadership', name: 'Leadership', href: '/topics/leadership/' }],
};

/** Article views: every fact stated; every fact an inference; nothing stated. */
export const ARTICLE_VIEWS: { name: string; view: ArticleView }[] = [
  { name: 'every fact stated by the source', view: base },
  {
    name: 'every fact an editor’s inference, each with its basis',
    view: {
      ...base,
      id: 'inferred',
      href: '/articles/inferred/',
      standfirst: 'A standfirst the source gives.',
      date: articleDate({ publishedInferred: { value: date('2016'), basis: 'It speaks of the STPs as being drawn up, which they were in 2016.' } }),
      kind: { status: 'inferred', value: 'Press statement', basis: 'It is written in the organisation’s voice, for the press.' },
      publisher: { status: 'inferred', value: organisation('nhs-providers', 'NHS Providers'), basis: 'The capture is from the organisation’s own site.' },
      authors: [],
      authorsInferred: { links: [person('saffron-cordery', 'Saffron Cordery')], basis: 'The same text is signed by her on the publisher’s blog.' },
      speakers: [person('chris-hopson', 'Chris Hopson')],
      partOf: { name: 'A series of briefings', relation: 'series' },
    },
  },
  {
    name: 'nothing stated: no date, kind, publisher or author',
    view: {
      ...base,
      id: 'not-stated',
      href: '/articles/not-stated/',
      titleSource: 'editor',
      titleBasis: 'The first sentence of the text.',
      date: articleDate({}),
      kind: { status: 'none' },
      publisher: { status: 'none' },
      authors: [],
      organisations: [],
      topics: [],
    },
  },
];

export const FACTS = [
  { name: 'a stated fact', fact: { status: 'stated', value: 'Blog post' }, missing: 'Kind not stated' },
  { name: 'a stated fact that links', fact: { status: 'stated', value: organisation('monitor', 'Monitor') }, missing: 'Publisher not stated' },
  { name: 'an inferred fact with its basis', fact: { status: 'inferred', value: 'Press release', basis: 'It begins “For immediate release”.' }, missing: 'Kind not stated', showBasis: true },
  { name: 'a fact the source does not state', fact: { status: 'none' }, missing: 'Kind not stated in the source' },
] as const;

const citedArticle: CitableArticle = {
  id: 'example',
  title: 'An example article',
  kind: 'blog post',
  date: { year: 2015, month: 9, day: 30, precision: 'day', inferred: false },
  authors: ['Stephen Dorrell'],
  publisher: { name: 'Nuffield Trust', inferred: false },
  url: 'https://example.org/a',
};
const hostileTitle: CitableArticle = { ...citedArticle, id: 'hostile', title: 'A title with </script><script>alert(1)</script> in it', authors: [], date: undefined };

export const CITATIONS: { name: string; slug: string; citable: CitableArticle; citations: Citations; suggested?: string }[] = [
  {
    name: 'an article’s citations, with the one its source suggests',
    slug: 'example',
    citable: citedArticle,
    citations: citations(citedArticle),
    suggested: 'Dorrell S (2015) “An example article”. Nuffield Trust comment.',
  },
  { name: 'an undated article whose title contains markup', slug: 'hostile', citable: hostileTitle, citations: citations(hostileTitle) },
];

/** Search metadata: an article with a quoted paragraph and an inline quotation. */
export const SEARCH_META = [
  {
    name: 'an article whose words include two people’s quotations',
    view: ARTICLE_VIEWS[1]!.view,
    record: {
      blocks: [
        { id: 'p-1', kind: 'paragraph', text: 'Said whole.', speaker: 'chris-hopson' },
        { id: 'p-2', kind: 'paragraph', text: 'He called it “a plan”.' },
      ],
      quotes: [
        { block: 'p-1', speaker: 'chris-hopson', text: 'Said whole.', form: 'block' as const },
        { block: 'p-2', speaker: 'stephen-dorrell', text: 'a plan', form: 'inline' as const },
      ],
    },
    names: { 'chris-hopson': 'Chris Hopson', 'stephen-dorrell': 'Stephen Dorrell' },
  },
];

/** The first page of the quotes, with as many speakers as the name says (the index lists letters past GROUP_INDEX_LIMIT). */
export function quotesFirstPage(speakers: number) {
  const first = ['Amira', 'Ben', 'Chloe', 'Émile', 'Zoë'];
  const index: { group: SpeakerGroup; count: number; page: number }[] = Array.from({ length: speakers }, (_, i) => ({
    group: { speaker: `example-${i}`, name: `${first[Math.floor((i * first.length) / speakers)]} Example ${String(i).padStart(4, '0')}` },
    count: (i % 3) + 1,
    page: 1 + Math.floor(i / 40),
  }));
  index.push({ group: { speaker: null, name: 'Speaker not stated' }, count: 2, page: 1 + Math.floor(speakers / 40) });
  return { groups: [], index, page: 1, pages: 1 + Math.floor(speakers / 40) };
}
