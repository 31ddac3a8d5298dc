import { describe, expect, test } from 'vitest';
import { countWords, readingTime } from '../../src/lib/reading-time';

describe('reading time', () => {
  test('counts words, not punctuation or dashes standing alone', () => {
    expect(countWords('The new team – at last – will act. “Yes.”')).toBe(8);
  });

  test('rounds up to whole minutes, and a short text takes a minute', () => {
    expect(readingTime(40)).toEqual({ minutes: 1, label: '1 min read' });
    expect(readingTime(230)).toEqual({ minutes: 1, label: '1 min read' });
    expect(readingTime(231)).toEqual({ minutes: 2, label: '2 min read' });
  });
});
