import { describe, expect, test } from 'vitest';
import { rankRelated, relatedCandidates, WEIGHTS, type Relatable } from '../../src/lib/related';

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

describe('the score of two articles', () => {
  /** The rules as the reasons state them: each shared voice, topic and name (a voice in both not again as a name), and the date. */
  const score = (a: Relatable, b: Relatable) => {
    const both = (x: Map<string, string>, y: Map<string, string>) => [...x.keys()].filter((k) => y.has(k));
    const voices = both(a.voices, b.voices);
    const apart = a.day !== undefined && b.day !== undefined ? Math.abs(a.day - b.day) : Infinity;
    return (
      voices.length * WEIGHTS.voice +
      both(a.topics, b.topics).length * WEIGHTS.topic +
      both(a.named, b.named).filter((k) => !voices.includes(k)).length * WEIGHTS.named +
      (apart <= 31 ? WEIGHTS.sameMonth : apart <= 366 ? WEIGHTS.sameYear : 0)
    );
  };

  test('ranks as the rules score every other article, on random collections', () => {
    let seed = 11;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const some = (pool: string[]) => m(...pool.filter(() => next() < 0.3));
    const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    for (let round = 0; round < 30; round++) {
      const all = Array.from({ length: 40 }, (_, i) =>
        article(`a${i}`, { day: next() < 0.9 ? Math.floor(next() * 900) : undefined, topics: some(['t1', 't2', 't3']), voices: some(people), named: some([...people, 'o1', 'o2']) }),
      );
      for (const target of all) {
        const expected = all
          .filter((o) => o !== target)
          .map((o) => ({ id: o.id, score: score(target, o) }))
          .filter((r) => r.score > 0)
          .sort((x, y) => y.score - x.score)
          .slice(0, 3);
        expect(rankRelated(target, all).map(({ id, score: s }) => ({ id, score: s }))).toEqual(expected);
      }
    }
  });
});

describe('candidates for related articles, from an index', () => {
  const topic = (id: string, day: number, ...topics: string[]) => article(id, { day, topics: m(...topics) });

  test('in a small collection every article that could score is a candidate, so the ranking is the same as comparing every pair', () => {
    const all = [topic('a', 10, 'T'), topic('b', 500, 'T'), topic('c', 20), topic('d', 5000, 'U'), topic('e', 12, 'T', 'U')];
    const candidates = relatedCandidates(all);
    for (const target of all) expect(rankRelated(target, candidates(target))).toEqual(rankRelated(target, all));
  });

  test('never offers an article as its own candidate, and keeps the collection’s order for ties', () => {
    const all = ['a', 'b', 'c', 'd'].map((id, i) => topic(id, i, 'T'));
    expect(relatedCandidates(all)(all[2]!).map((r) => r.id)).toEqual(['a', 'b', 'd']);
  });

  test('in a large collection an article is compared with the nearest in date that share each key, not with every article', () => {
    const all = Array.from({ length: 2000 }, (_, i) => topic(`x${i}`, i * 3, 'Popular'));
    const candidates = relatedCandidates(all, { perKey: 40, byDate: 20 })(all[1000]!);
    expect(candidates.length).toBeLessThanOrEqual(60);
    // The nearest in date are among them, and they are what ranks first.
    expect(candidates.map((r) => r.id)).toEqual(expect.arrayContaining(['x999', 'x1001']));
    // All share the topic; those within a month of it rank first.
    for (const r of rankRelated(all[1000]!, candidates)) expect(Math.abs(Number(r.id.slice(1)) - 1000) * 3).toBeLessThanOrEqual(31);
  });
});
