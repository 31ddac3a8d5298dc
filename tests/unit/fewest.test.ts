import { describe, expect, test } from 'vitest';
import { countBelow, CountByPrefix, Fewest, FewestByPrefix } from '../../src/lib/fewest';

const random = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

describe('the few lowest of a growing set', () => {
  test('keeps the k items of lowest score, lowest first, each once', () => {
    const score = (id: number) => [50, 10, 40, 20, 30][id]!;
    const few = new Fewest(3, score).addAll([0, 1, 2, 1, 3, 4, 3]);
    expect(few.ids).toEqual([1, 3, 4]);
  });

  test('over prefixes of positions, the same as looking at every item below the bound', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const next = random(seed);
      const size = 1 + Math.floor(next() * 40);
      const scores = Array.from({ length: 60 }, (_, i) => next() * 1000 + i / 100);
      const score = (id: number) => scores[id]!;
      const k = 1 + Math.floor(next() * 4);
      const few = new FewestByPrefix(size, k, score);
      const counts = new CountByPrefix(size);
      const added: { id: number; at: number }[] = [];
      for (let id = 0; id < 60; id++) {
        const at = Math.floor(next() * size);
        few.add(at, id);
        counts.add(at);
        added.push({ id, at });
        const bound = Math.floor(next() * (size + 1));
        const below = added.filter((a) => a.at < bound);
        expect(few.below(bound).ids, `seed ${seed}`).toEqual(below.map((a) => a.id).sort((x, y) => score(x) - score(y)).slice(0, k));
        expect(counts.below(bound)).toBe(below.length);
      }
    }
  });

  test('a position outside the row is an error, not a loop', () => {
    expect(() => new FewestByPrefix(4, 2, (id) => id).add(-1, 0)).toThrow(RangeError);
    expect(() => new CountByPrefix(4).add(4)).toThrow(RangeError);
  });

  test('counts the sorted values below a value', () => {
    expect([0, 1, 2, 5, 6].map((v) => countBelow([1, 2, 2, 5], v))).toEqual([0, 0, 1, 3, 4]);
  });
});
