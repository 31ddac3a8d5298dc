import { describe, expect, it } from 'vitest';
import { fidelityProblems, isFurniture, type FurniturePattern } from '../../src/lib/fidelity';

const patterns: FurniturePattern[] = [
  { pattern: /^(?:Blog post)$/u, what: 'a kind label' },
  { pattern: /^(?:\d{1,2}\.\d{1,2}\.\d{2,4})$/u, what: 'a date line' },
];
const capture = ['A headline', '', 'Blog post', '17.09.15', 'Jeremy Hunt’s announcement set the ball rolling. But it left all the difficult questions unanswered.', '• A listed point.'];

describe('source fidelity', () => {
  it('recognises furniture by the whole line, and blank lines as nothing to keep', () => {
    expect(isFurniture('Blog post', patterns)).toBe(true);
    expect(isFurniture('  ', patterns)).toBe(true);
    expect(isFurniture('Blog posts about the NHS', patterns)).toBe(false);
  });

  it('finds nothing wrong when every kept sentence is in the article, whatever its typography', () => {
    const text = 'A headline\nJeremy Hunt\'s announcement set the  ball rolling. But it left all the difficult questions unanswered.\nA listed point.';
    expect(fidelityProblems(capture, [{ line: 3, text: 'Blog post' }, { line: 4, text: '17.09.15' }], text, patterns)).toEqual([]);
  });

  it('names each sentence the article lost, with its capture line', () => {
    const text = 'A headline\nJeremy Hunt’s announcement set the ball rolling.\nA listed point.';
    expect(fidelityProblems(capture, [{ line: 3, text: 'Blog post' }, { line: 4, text: '17.09.15' }], text, patterns)).toEqual([
      { line: 5, kind: 'missing', text: 'But it left all the difficult questions unanswered.' },
    ]);
  });

  it('misses a sentence with one word changed', () => {
    const text = 'A headline\nJeremy Hunt’s announcement set the ball rolling. But it left all the hard questions unanswered.\nA listed point.';
    expect(fidelityProblems(capture, [{ line: 3, text: 'Blog post' }, { line: 4, text: '17.09.15' }], text, patterns).map((p) => p.line)).toEqual([5]);
  });

  it('refuses a dropped line that no pattern recognises, even when its words are elsewhere', () => {
    const text = capture.join('\n');
    expect(fidelityProblems(capture, [{ line: 1, text: 'A headline' }], text, patterns)).toEqual([{ line: 1, kind: 'dropped', text: 'A headline' }]);
  });
});
