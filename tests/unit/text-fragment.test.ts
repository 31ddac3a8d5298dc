import { describe, expect, it } from 'vitest';
import { encodeTextTerm, fragmentId, textDirective } from '../../src/lib/text-fragment';

describe('the id an address’s fragment names', () => {
  it('is the fragment percent-decoded, without a text directive', () => {
    expect(fragmentId('#speaker-jos%C3%A9')).toBe('speaker-josé');
    expect(fragmentId('#p-1234abcd:~:text=genuine%20service')).toBe('p-1234abcd');
    expect(fragmentId('')).toBe('');
  });

  it('is the fragment as written when it is not valid percent-encoding, rather than an error', () => {
    expect(fragmentId('#p-%E0%A4')).toBe('p-%E0%A4');
  });
});

describe('text fragments', () => {
  it('percent-encodes the characters the spec reserves: "-", "," and "&"', () => {
    expect(encodeTextTerm('high-quality care, A&E')).toBe('high%2Dquality%20care%2C%20A%26E');
  });

  it('writes a short unique selection as one term', () => {
    const pageText = 'Most importantly, the new team will need to show quickly that its primary focus is genuine service improvement.';
    expect(textDirective({ selected: 'genuine service improvement', pageText })).toBe(
      ':~:text=genuine%20service%20improvement',
    );
  });

  it('writes a long selection as its first and last words', () => {
    const selected = 'It is widely believed by both service users and professional staff that their interests have too often been the victim';
    expect(textDirective({ selected, pageText: selected })).toBe(':~:text=It%20is%20widely%20believed,often%20been%20the%20victim');
  });

  it('adds a prefix and a suffix when the selected words occur more than once on the page', () => {
    const pageText = 'Chris Hopson said trusts would welcome it. Later, NHS Providers said trusts would welcome less duplication.';
    expect(
      textDirective({ selected: 'trusts would welcome', before: 'Later, NHS Providers said', after: 'less duplication.', pageText }),
    ).toBe(':~:text=NHS%20Providers%20said-,trusts%20would%20welcome,-less%20duplication.');
  });

  it('matches case-insensitively when counting, as browsers do', () => {
    expect(textDirective({ selected: 'NHS', before: 'the', after: 'is', pageText: 'The NHS is big; the nhs is old.' })).toContain('-,');
  });

  it('gives nothing for an empty selection', () => {
    expect(textDirective({ selected: '  ', pageText: 'x' })).toBe('');
  });
});

describe('words repeated with their context', () => {
  it('gives no text directive when the words and their context occur twice (a pull quote repeating a sentence), so the block fragment decides', () => {
    const sentence = 'a leadership model isn’t going to work - the system is too large, and too disjointed';
    const pageText = `Pull quote: ${sentence}. Body: The chief executive needs to realise that ${sentence}, for one person.`;
    const at = pageText.lastIndexOf('the system is too large');
    expect(
      textDirective({ selected: 'the system is too large', before: pageText.slice(0, at), after: pageText.slice(at + 'the system is too large'.length), pageText }),
    ).toBe('');
  });
});
