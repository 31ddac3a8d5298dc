import { describe, expect, it } from 'vitest';
import { articleVocabulary, correctedQuery, isFormOf, shardOf, suggest } from '../../src/lib/did-you-mean';

const vocabulary = [
  ['monolith', 1],
  ['individual', 4],
  ['indivisible', 1],
  ['leadership', 5],
  ['leaders', 3],
  ['merger', 2],
] as const;

describe('did you mean', () => {
  it('offers the nearest word the collection has, a dropped, added, changed or swapped letter away', () => {
    expect(suggest('monolth', vocabulary)).toBe('monolith');
    expect(suggest('indivdual', vocabulary)).toBe('individual');
    expect(suggest('leadreship', vocabulary)).toBe('leadership');
    expect(suggest('mreger', vocabulary)).toBe('merger');
  });

  it('offers nothing for a word it has, or one too far from any', () => {
    expect(suggest('leadership', vocabulary)).toBeUndefined();
    expect(suggest('xylophone', vocabulary)).toBeUndefined();
  });

  it('prefers the more frequent of two words as near', () => {
    expect(suggest('leaderss', [['leaders', 3], ['leaderes', 1]])).toBe('leaders');
  });

  it('keeps short words to one edit, so a short typo is not turned into another word', () => {
    expect(suggest('mrger', [['merger', 1]])).toBe('merger');
    expect(suggest('bod', [['board', 3]])).toBeUndefined();
  });

  it('rewrites the query as typed, quote marks and the other words kept', () => {
    expect(correctedQuery('“heroic indivdual leadership”', new Map([['indivdual', 'individual']]))).toBe('“heroic individual leadership”');
  });

  it('finds a word’s shard by its first letter', () => {
    expect(shardOf('Monolith')).toBe('m');
    expect(shardOf('élan')).toBe('e');
    expect(shardOf('2015')).toBe('_');
  });

  it('tells a form of a word (merger, merging) from Pagefind’s fallback to a shorter prefix (in for indivdual)', () => {
    expect(isFormOf('merging', 'merger')).toBe(true);
    expect(isFormOf('leadership', 'leadership')).toBe(true);
    expect(isFormOf('in', 'indivdual')).toBe(false);
    expect(isFormOf('lead', 'leadreship')).toBe(false);
  });

  it('takes the forms a word has by its endings, both ways, and a doubled letter as one', () => {
    for (const [word, query] of [
      ['merge', 'merger'],
      ['merger', 'merging'],
      ['trust', 'trusts'],
      ['trusts', 'trust'],
      ['regulator', 'regulation'],
      ['organisational', 'organisations'],
      ['studied', 'studies'],
      ['plans', 'planning'],
      // A selection that ends mid-word: what was pasted is the start of the word.
      ['bottle', 'bot'],
    ]) {
      expect(isFormOf(word!, query!), `${word} for ${query}`).toBe(true);
    }
  });

  it('does not take a word a misspelling misses for its form, so that the misspelling is said to be in no article', () => {
    expect(isFormOf('important', 'importnt')).toBe(false);
    expect(isFormOf('provider', 'providr')).toBe(false);
    expect(isFormOf('merger', 'mergre')).toBe(false);
    expect(isFormOf('leaders', 'leadership')).toBe(false);
  });
});

describe('an article’s words for the vocabulary', () => {
  it('are its title’s and its blocks’ words, each once, without pull quotes, numbers or words under three letters', () => {
    const blocks = [
      { kind: 'paragraph', text: 'The regulator’s plans for 2016 met the regulator’s critics.' },
      { kind: 'pull-quote', text: 'Unrepeated flourish.' },
    ];
    expect(articleVocabulary('Plans and critics', blocks).sort()).toEqual(['and', 'critics', 'for', 'met', 'plans', "regulator's", 'the'].sort());
  });
});
