import { describe, expect, it } from 'vitest';
import { compareNames, countOf, initialLetter, normaliseText, splitSentences, upperFirst } from '../../src/lib/text';

describe('text normalisation', () => {
  it('treats curly and straight quote marks as the same', () => {
    expect(normaliseText('Jeremy Hunt’s “single” team')).toBe(normaliseText("Jeremy Hunt's \"single\" team"));
  });

  it('folds runs of spaces, tabs and non-breaking spaces into one space', () => {
    expect(normaliseText('  Chris Hopson\u00A0   \n')).toBe('Chris Hopson');
  });

  it('keeps every other character, so a changed word is still a difference', () => {
    expect(normaliseText('genuine service improvement')).not.toBe(normaliseText('genuine service improvements'));
  });
});

describe('sentence splitting', () => {
  it('splits at full stops and question marks followed by a new sentence', () => {
    expect(splitSentences('How will the new team work? What will it do? Will it be a regulator?')).toEqual([
      'How will the new team work?',
      'What will it do?',
      'Will it be a regulator?',
    ]);
  });

  it('keeps a closing quote mark with its sentence', () => {
    expect(splitSentences('He said “no.” Then he left.')).toEqual(['He said "no."', 'Then he left.']);
  });

  it('returns nothing for a line of only spaces', () => {
    expect(splitSentences(' \u00A0 ')).toEqual([]);
  });
});

describe('the letter an A to Z list files a name under', () => {
  it('is the first letter in capitals, accents folded, leading spaces ignored', () => {
    expect(initialLetter('Émile Example')).toBe('E');
    expect(initialLetter('  zoë')).toBe('Z');
    expect(initialLetter('Øresund Council')).toBe('Ø');
  });

  it('is "#" for a name that starts with no letter', () => {
    expect(initialLetter('3M')).toBe('#');
    expect(initialLetter('“Quoted” Trust')).toBe('#');
    expect(initialLetter('')).toBe('#');
  });
});

describe('the order of an A to Z list', () => {
  it('puts the numbers in names in order of their value, as a printed index does', () => {
    expect(['Region 12', 'Region 2', 'NHS 111', 'NHS 24', 'Region 1'].sort(compareNames)).toEqual(['NHS 24', 'NHS 111', 'Region 1', 'Region 2', 'Region 12']);
  });

  it('keeps a name with an accent beside the same name without one, whatever its case', () => {
    expect(['Zoe', 'émile', 'Emma', 'Eve'].sort(compareNames)).toEqual(['émile', 'Emma', 'Eve', 'Zoe']);
  });
});

describe('a count as a sentence says it', () => {
  it('groups the digits and agrees with one or many', () => {
    expect(countOf(1, 'article')).toBe('1 article');
    expect(countOf(5000, 'article')).toBe('5,000 articles');
    expect(countOf(2, 'speech', 'speeches')).toBe('2 speeches');
  });
});

describe('a phrase made to start a sentence', () => {
  it('takes a capital first letter and keeps the rest as written', () => {
    expect(upperFirst('press release')).toBe('Press release');
    expect(upperFirst('commentary on NHS Improvement')).toBe('Commentary on NHS Improvement');
    expect(upperFirst('')).toBe('');
  });
});
