import { describe, expect, it } from 'vitest';
import { expandSynonyms } from '../../src/lib/synonyms';

const groups = [
  ['merger', 'merge', 'merging'],
  ['NHS Improvement', 'NHSI'],
  ['NHS Trust Development Authority', 'Trust Development Authority', 'TDA'],
  ['foundation trust', 'FT'],
];

describe('synonyms at query time', () => {
  it('runs the query as typed first, then with each other term of its group', () => {
    expect(expandSynonyms('merger plans', groups)).toEqual({ queries: ['merger plans', 'merge plans', 'merging plans'], alternatives: ['merge', 'merging'], covered: ['merger'] });
  });

  it('searches a term of several words as a phrase, and keeps one inside a quoted phrase part of it', () => {
    expect(expandSynonyms('NHSI board', groups).queries).toEqual(['NHSI board', '"NHS Improvement" board']);
    expect(expandSynonyms('“the new NHSI chief”', groups).queries).toEqual(['“the new NHSI chief”', '“the new NHS Improvement chief”']);
  });

  it('matches whole words only, case aside, and the longest term of a group first', () => {
    expect(expandSynonyms('FTSE index', groups).queries).toEqual(['FTSE index']);
    expect(expandSynonyms('ft status', groups).queries).toEqual(['ft status', '"foundation trust" status']);
    expect(expandSynonyms('NHS Trust Development Authority', groups).queries).toEqual([
      'NHS Trust Development Authority',
      '"Trust Development Authority"',
      'TDA',
    ]);
  });

  it('leaves a query with no term of any group as it is', () => {
    expect(expandSynonyms('leadership', groups)).toEqual({ queries: ['leadership'], alternatives: [], covered: [] });
  });
});
