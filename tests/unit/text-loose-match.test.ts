import { describe, expect, it } from 'vitest';
import { findLoosely, rawSentences } from '../../src/lib/text';

describe('loose text matching', () => {
  it('finds words whatever their case, quote marks and spacing, and returns the original span', () => {
    const text = 'a ‘heroic  individual’ leadership model';
    const [start, end] = findLoosely(text, "'Heroic individual'")!;
    expect(text.slice(start, end)).toBe('‘heroic  individual’');
  });

  it('gives null when the words are not there', () => {
    expect(findLoosely('genuine service improvement', 'genuine services')).toBeNull();
  });

  it('can start looking after a given index', () => {
    const text = 'trusts would welcome; trusts would welcome';
    expect(findLoosely(text, 'trusts would welcome', 1)).toEqual([22, 42]);
  });

  it('splits sentences keeping every character', () => {
    const text = '“It will be essential.” He added: “It is widely believed.” Then?';
    expect(rawSentences(text)).toEqual(['“It will be essential.”', 'He added: “It is widely believed.”', 'Then?']);
  });
});
