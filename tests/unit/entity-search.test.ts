import { describe, expect, it } from 'vitest';
import { type EntityEntry, entityShardsOf, namedEntities, personPages, queryShards } from '../../src/lib/entity-search';

const entry = (kind: EntityEntry['kind'], name: string, also: string[] = [], count = 1): EntityEntry => ({ kind, id: name.toLowerCase().replace(/\W+/g, '-'), name, also, href: `/${kind}/`, count });
const entries = [
  entry('person', 'Chris Hopson', [], 14),
  entry('person', 'Chris Ham', [], 2),
  entry('organisation', 'NHS Providers'),
  entry('organisation', 'NHS Improvement', ['NHSI']),
  entry('organisation', 'Nuffield Trust'),
  entry('topic', 'Leadership'),
  entry('organisation', 'Health Education England', ['HEE']),
];
const named = (query: string) => namedEntities(query, entries).map((e) => e.name);

describe('people, organisations and topics a query names', () => {
  it('finds an entity whose name stands in the query as whole words, whatever the case and punctuation', () => {
    expect(named('chris hopson')).toEqual(['Chris Hopson']);
    expect(named('What did “Chris Hopson” say about leadership?')).toEqual(['Chris Hopson', 'Leadership']);
    expect(named('the Nuffield Trust’s view')).toEqual(['Nuffield Trust']);
  });

  it('knows an organisation by its acronym or alias', () => {
    expect(named('NHSI')).toEqual(['NHS Improvement']);
    expect(named('nhsi and the providers')).toEqual(['NHS Improvement']);
  });

  it('does not match part of a word or of a name', () => {
    expect(named('chris')).toEqual([]);
    expect(named('leaderships')).toEqual([]);
    expect(named('nhs')).toEqual([]);
  });

  it('puts the entity the whole query names first, then people, organisations and topics', () => {
    expect(named('leadership at nhs providers')).toEqual(['NHS Providers', 'Leadership']);
    expect(named('leadership')).toEqual(['Leadership']);
  });

  it('looks for no names in a long pasted passage', () => {
    expect(named('one two three four five six seven eight nine ten Chris Hopson')).toEqual([]);
    expect(queryShards('one two three four five six seven eight nine ten')).toEqual([]);
  });

  it('files each entity under the first letter of every word of its names, and a query fetches the letters of its words', () => {
    expect(entityShardsOf({ name: 'Health Education England', also: ['HEE'] }).sort()).toEqual(['e', 'h']);
    expect(queryShards('Chris Hopson, NHS').sort()).toEqual(['c', 'h', 'n']);
    for (const e of entries) {
      for (const query of [e.name, ...e.also]) expect(entityShardsOf(e).some((s) => queryShards(query).includes(s)), query).toBe(true);
    }
  });
});

describe('a person’s search a page at a time', () => {
  const facts = (n: number) => ({ title: `Article ${n}`, href: `/articles/a-${n}/` });
  const listing = {
    name: 'Sam Author',
    quotations: [1, 2, 3].map((n) => ({ ...facts(n), text: `words ${n}` })),
    wrote: [4, 5].map(facts),
    named: [6].map((n) => ({ ...facts(n), text: `names Sam ${n}` })),
  };

  it('lays out their quotations, then what they wrote, then where they are named, the first page with the counts of each', () => {
    const { first, rest } = personPages(listing, 4);
    expect(first.counts).toEqual({ quotations: 3, wrote: 2, named: 1 });
    expect(first.pages).toBe(2);
    expect(first.items.map((i) => `${i.kind} ${i.title}`)).toEqual(['quotation Article 1', 'quotation Article 2', 'quotation Article 3', 'wrote Article 4']);
    expect(rest.map((page) => page.map((i) => `${i.kind} ${i.title}`))).toEqual([['wrote Article 5', 'named Article 6']]);
  });

  it('makes the later pages as long as asked, the first as long as a page of results', () => {
    const { first, rest } = personPages(listing, 2, 3);
    expect(first.items.map((i) => i.title)).toEqual(['Article 1', 'Article 2']);
    expect(first.pages).toBe(3);
    expect(rest.map((page) => page.map((i) => i.title))).toEqual([['Article 3', 'Article 4', 'Article 5'], ['Article 6']]);
  });

  it('is one page, empty, for a person with nothing to list', () => {
    const { first, rest } = personPages({ name: 'Nobody', quotations: [], wrote: [], named: [] }, 20);
    expect(first).toEqual({ name: 'Nobody', counts: { quotations: 0, wrote: 0, named: 0 }, pages: 1, items: [] });
    expect(rest).toEqual([]);
  });
});
