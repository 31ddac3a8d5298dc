import { describe, expect, it } from 'vitest';
import { resolveStatedIn } from '../../src/lib/stated-in';

const blocks = [
  { id: 'p-1', text: 'In mid-July the government published the findings of Lord Rose’s review.' },
  { id: 'p-2', text: 'The review – commissioned in February 2014 – was “long overdue”.' },
  { id: 'p-3', text: 'The government published it.' },
];

describe('the block that states an event', () => {
  it('is the block with that id', () => {
    expect(resolveStatedIn({ block: 'p-2' }, blocks)).toEqual({ id: 'p-2' });
    expect(resolveStatedIn({ block: 'p-9' }, blocks)).toMatchObject({ problem: expect.stringContaining('"p-9" is not a block of the article') });
  });

  it('or the one block holding the words quoted, whatever their quote marks, dashes and case', () => {
    expect(resolveStatedIn({ quote: 'Lord Rose\'s review' }, blocks)).toEqual({ id: 'p-1' });
    expect(resolveStatedIn({ quote: 'review - commissioned in february 2014 - was "long overdue"' }, blocks)).toEqual({ id: 'p-2' });
  });

  it('says when the words are nowhere, or in more than one block', () => {
    expect(resolveStatedIn({ quote: 'published in March' }, blocks)).toMatchObject({ problem: expect.stringContaining('no block of the article has the words') });
    expect(resolveStatedIn({ quote: 'the government published' }, blocks)).toMatchObject({ problem: expect.stringContaining('stand in 2 blocks (p-1, p-3)') });
  });
});
