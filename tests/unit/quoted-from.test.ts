import { describe, expect, test } from 'vitest';
import { findQuotedFrom, longestCommonRun } from '../../src/lib/quoted-from';
import { words } from '../../src/lib/text';

const source = {
  article: 'view-from-westminster',
  block: 'p-1',
  text: 'Most importantly, the new team will need to show quickly that its primary focus is genuine service improvement. It is widely believed by both service users and professional staff that their interests have too often been the victim of a political fudge.',
};

describe('finding where an article quotes another', () => {
  test('a quotation of another article’s words links to the block that holds them', () => {
    const quote = { article: 'inspiration', block: 'p-9', text: 'will need to show quickly that its primary focus is genuine service improvement.' };
    expect(findQuotedFrom([quote], [source])).toEqual([{ quote, source, words: 13 }]);
  });

  test('quote marks, dashes, case and whitespace do not stop a match', () => {
    const quote = { article: 'b', block: 'q', text: '“It is WIDELY believed by both service users and\n professional staff that their interests”' };
    expect(findQuotedFrom([quote], [{ ...source, text: source.text.replace(/'/g, '’') }])).toHaveLength(1);
  });

  test('a short common phrase is not a quotation of another article', () => {
    const quote = { article: 'b', block: 'q', text: 'genuine service improvement' };
    expect(findQuotedFrom([quote], [source])).toEqual([]);
  });

  test('an article never counts as quoting itself', () => {
    const quote = { article: source.article, block: 'p-2', text: 'will need to show quickly that its primary focus is genuine service improvement.' };
    expect(findQuotedFrom([quote], [source])).toEqual([]);
  });

  test('words are folded to lower case with curly apostrophes made straight', () => {
    expect(words('Don’t be an “empire builder” – NHS')).toEqual(["don't", 'be', 'an', 'empire', 'builder', 'nhs']);
    expect(longestCommonRun(['a', 'b', 'c', 'd'], ['x', 'b', 'c', 'y'])).toBe(2);
  });
});
