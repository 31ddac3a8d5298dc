import { describe, expect, it } from 'vitest';
import { fromUnsearchable, resultFacts, unsearchable, unsearchableJson } from '../../src/lib/search-metadata';

/*
 * Pagefind searches metadata as it searches text, splitting words at spaces
 * and punctuation and matching a query's words as prefixes: what a result
 * reads but a search must not match is written as one word no query starts.
 */
describe('search metadata no search matches', () => {
  it('comes back as it was given, in any alphabet', () => {
    for (const value of ['', '{"block":"p-1","who":"Zoë Émile","text":"“a plan” – 50 %"}', 'ж ½ 😀 \u00A0\n']) {
      expect(fromUnsearchable(unsearchable(value))).toBe(value);
    }
  });

  it('is one word of digits and letters, which no query of English words starts', () => {
    const written = unsearchable(JSON.stringify([{ block: 'p-1', who: 'Chris Hopson', text: 'chief executive' }]));
    expect(written).toMatch(/^zqx[0-9a-f]+$/);
    expect(written).not.toMatch(/block|who|chris|chief/i);
  });

  it('reads a field it did not write (an older index, a hand-made one) as missing, not as garbage', () => {
    expect(fromUnsearchable('{"block":"p-1"}')).toBeUndefined();
    expect(fromUnsearchable('zqx7')).toBeUndefined();
    expect(fromUnsearchable(undefined)).toBeUndefined();
    expect(unsearchableJson('zqx7b', ['fallback'])).toEqual(['fallback']);
    expect(unsearchableJson(unsearchable('{"a":1}'), {})).toEqual({ a: 1 });
  });
});

describe('the publisher and date a result shows', () => {
  it('are marked as inferred where the editors inferred them, and left out where not stated', () => {
    const meta = { organisation: 'NHS Providers', date: '24 May 2018', inferred: unsearchable(JSON.stringify(['organisation'])) };
    expect(resultFacts(meta)).toEqual({ organisation: 'NHS Providers (inferred)', date: '24 May 2018' });
    expect(resultFacts({ organisation: '', date: 'c. 2016', inferred: unsearchable(JSON.stringify(['date'])) })).toEqual({ organisation: undefined, date: 'c. 2016 (inferred)' });
    expect(resultFacts({})).toEqual({ organisation: undefined, date: undefined });
  });
});
