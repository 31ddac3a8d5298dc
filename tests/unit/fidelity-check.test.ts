import { describe, expect, it } from 'vitest';
import { normaliseText, splitSentences } from '../../src/lib/text';

// The fidelity test compares sentences with page text; this shows the comparison
// notices a changed word even when the typography differs.
describe('sentence comparison used by the fidelity test', () => {
  const page = normaliseText('<p>Jeremy Hunt’s announcement … set the ball rolling. But it left all the difficult questions unanswered.</p>');

  it('finds a sentence whose quote marks and spaces differ', () => {
    expect(page.includes(splitSentences("But it  left all the difficult questions unanswered.")[0]!)).toBe(true);
  });

  it('misses a sentence with one word changed', () => {
    expect(page.includes(splitSentences('But it left all the hard questions unanswered.')[0]!)).toBe(false);
  });
});
