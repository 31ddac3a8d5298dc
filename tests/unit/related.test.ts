import { describe, expect, test } from 'vitest';
import { rankRelated, type Relatable } from '../../src/lib/related';

const m = (...pairs: string[]) => new Map(pairs.map((p) => [p, p]));
const article = (id: string, over: Partial<Relatable> = {}): Relatable => ({ id, topics: m(), voices: m(), named: m(), ...over });

describe('ranking related articles', () => {
  test('an article sharing a speaker and a topic ranks above one sharing only names, with the reasons given', () => {
    const target = article('a', { voices: m('Chris Hopson'), topics: m('Leadership'), named: m('NHS England') });
    const ranked = rankRelated(target, [
      article('names-only', { named: m('NHS England') }),
      article('speaker-and-topic', { voices: m('Chris Hopson'), topics: m('Leadership') }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['speaker-and-topic', 'names-only']);
    expect(ranked[0]!.reasons).toEqual(['Also quotes Chris Hopson', 'Also on Leadership']);
    expect(ranked[1]!.reasons).toEqual(['Also names NHS England']);
  });

  test('closeness in date counts, and an inferred date is said to be approximate', () => {
    const target = article('a', { day: 1000, topics: m('Regulation') });
    const ranked = rankRelated(target, [
      article('far', { day: 3000, topics: m('Regulation') }),
      article('near', { day: 1010, dayInferred: true, topics: m('Regulation') }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['near', 'far']);
    expect(ranked[0]!.reasons).toContain('Published within about a month');
  });

  test('an article with nothing in common is not related, and an article is never related to itself', () => {
    const target = article('a', { topics: m('Leadership') });
    expect(rankRelated(target, [target, article('b', { topics: m('Finance') })])).toEqual([]);
  });

  test('at most three are returned, ties in the order given', () => {
    const target = article('a', { topics: m('T') });
    const others = ['b', 'c', 'd', 'e'].map((id) => article(id, { topics: m('T') }));
    expect(rankRelated(target, others).map((r) => r.id)).toEqual(['b', 'c', 'd']);
  });
});
