import { describe, expect, it } from 'vitest';
import { factOf, plainFact, mapFact, valueOf } from '../../src/lib/fact';

describe('a fact about a text', () => {
  it('is stated when the source states it, even if an inference is also given', () => {
    expect(factOf('blog post', { value: 'comment', basis: 'b' })).toEqual({ status: 'stated', value: 'blog post' });
  });

  it('is an inference, with its basis, when only the editor supplies it', () => {
    expect(factOf(undefined, { value: 2016, basis: 'It speaks of STPs being drawn up.' })).toEqual({
      status: 'inferred',
      value: 2016,
      basis: 'It speaks of STPs being drawn up.',
    });
  });

  it('is not stated when neither is given, and has no value to show', () => {
    expect(factOf(undefined, undefined)).toEqual({ status: 'none' });
    expect(valueOf(factOf(undefined, undefined))).toBeUndefined();
  });

  it('keeps its status and basis when its value is turned into something to show', () => {
    expect(mapFact(factOf(undefined, { value: 'press release', basis: 'b' }), (k) => k.toUpperCase())).toEqual({
      status: 'inferred',
      value: 'PRESS RELEASE',
      basis: 'b',
    });
  });

  it('as one line of plain text, marks an inference "(inferred)" and leaves a stated fact as it is', () => {
    expect(plainFact('Nuffield Trust', 'inferred')).toBe('Nuffield Trust (inferred)');
    expect(plainFact('Nuffield Trust', 'stated')).toBe('Nuffield Trust');
  });
});
