import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/random.mjs';
import { collapseSpaces, findLoosely, foldForMatching, normaliseText, SPACES, words } from '../../src/lib/text';

/*
 * One table: what a reader pastes, what the source prints, and whether the
 * two must count as the same words. Every consumer (search landing,
 * quoted-from, fidelity, citations) folds through lib/text, so this table is
 * the whole rule.
 */
const SAME_FOR_MATCHING: [string, string, string][] = [
  ['curly and straight single quotes', 'the ‘heroic individual’ model', "the 'heroic individual' model"],
  ['an apostrophe written as a right single quote', 'the world’s largest', "the world's largest"],
  ['a modifier-letter apostrophe', 'the worldʼs largest', "the world's largest"],
  ['curly and straight double quotes', '“system leadership”', '"system leadership"'],
  ['low-9 and guillemet double quotes', '„system leadership“', '«system leadership»'],
  ['a prime and a straight apostrophe', 'the trust′s view', "the trust's view"],
  ['a double prime and a straight double quote', 'he said ″no″', 'he said "no"'],
  ['an en dash and a spaced hyphen-minus', 'head on – rather than', 'head on - rather than'],
  ['an em dash and a spaced hyphen-minus', 'head on — rather than', 'head on - rather than'],
  ['a minus sign and a hyphen-minus', '−5%', '-5%'],
  ['a non-breaking space and a space', 'Chris\u00A0Hopson', 'Chris Hopson'],
  ['a narrow no-break space and a space', '5\u202F000 staff', '5 000 staff'],
  ['a thin space and a space', 'NHS\u2009Improvement', 'NHS Improvement'],
  ['a line break inside a phrase and a space', 'the new\norganisation', 'the new organisation'],
  ['runs of white space and one space', 'the   new \t organisation', 'the new organisation'],
  ['an ellipsis character and three full stops', 'we need…', 'we need...'],
  ['upper and lower case', 'NHS Improvement', 'nhs improvement'],
];

const DIFFERENT: [string, string, string][] = [
  ['a plural and its singular', 'service improvements', 'service improvement'],
  ['a hyphenated word and two words', 'long-term', 'long term'],
  ['different digits', '2015', '2016'],
];

describe('folding text for matching', () => {
  it.each(SAME_FOR_MATCHING)('treats %s as the same', (_, a, b) => {
    expect(foldForMatching(a)).toBe(foldForMatching(b));
  });

  it.each(DIFFERENT)('still tells apart %s', (_, a, b) => {
    expect(foldForMatching(a)).not.toBe(foldForMatching(b));
  });

  it.each(SAME_FOR_MATCHING)('finds the source span when the reader pastes %s', (_, source, pasted) => {
    const page = `Before. ${source} After.`;
    const at = findLoosely(page, pasted);
    expect(at).not.toBeNull();
    expect(page.slice(at![0], at![1])).toBe(source);
  });

  it('maps a match that ends in an ellipsis back to the one source character', () => {
    const page = 'and so we wait… for now';
    const [start, end] = findLoosely(page, 'we wait...')!;
    expect(page.slice(start, end)).toBe('we wait…');
  });
});

describe('the words of a text', () => {
  it('splits at dashes, quotes and punctuation and keeps apostrophes inside words', () => {
    expect(words('Don’t be an “empire builder” – NHS')).toEqual(["don't", 'be', 'an', 'empire', 'builder', 'nhs']);
    expect(words('head on – rather')).toEqual(words('head on - rather'));
  });

  it('reads letters of any alphabet as letters, and every other mark as a separator', () => {
    expect(words('Café – “déjà vu”… ½ 10,000 ‘Kirkup’')).toEqual(['café', 'déjà', 'vu', '1', '2', '10', '000', 'kirkup']);
    expect(words('NHS\u00A0England’s ‘five-year’ plan…')).toEqual(['nhs', "england's", 'five', 'year', 'plan']);
  });

  it('takes apostrophes at a word’s ends as quote marks, on any text, in either alphabet', () => {
    expect(words("'Tis the trusts' ''quango'' rock'n'roll '' 90's")).toEqual(['tis', 'the', 'trusts', 'quango', "rock'n'roll", "90's"]);
    // The definition, word by word: the text folded, cut at every character that is not a letter, a digit or an
    // apostrophe, each part's apostrophes at its ends taken off, and the empty parts dropped.
    const defined = (text: string) =>
      text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[‘’‚‛′ʼ´‹›`]/g, "'")
        .split(/[^\p{L}\p{N}']+/u)
        .map((part) => part.replace(/^'+|'+$/g, ''))
        .filter((part) => part !== '');
    const random = seededRandom(3);
    const alphabet = [..."ab z09'’‘`-–—…“”.,;:!?()\u00A0\u2022éßΩж½ﬁ\n"];
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(words(text), JSON.stringify(text)).toEqual(defined(text));
    }
  });
});

describe('the frozen folding behind block ids', () => {
  it('folds quote typography and white space only, so published ids never move', () => {
    expect(normaliseText('Hunt’s “single”\u00A0 team')).toBe('Hunt\'s "single" team');
    // Dashes and ellipses are kept: folding them would change the id of every block that has one.
    expect(normaliseText('head on – rather…')).toBe('head on – rather…');
  });

  it('folds white space exactly as replacing every run of it with one space would, on any text', () => {
    // The definition block ids were first hashed with; the module folds only the
    // runs that change, and must give the same text, or published ids move.
    const everyRun = new RegExp(`[\\s${SPACES.join('')}]+`, 'g');
    const pieces = ['a', 'Bé', ' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u2009', '\u202F', '\u2007', '\u3000', '’', '“', '.'];
    const random = seededRandom(11);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      expect(collapseSpaces(text), JSON.stringify(text)).toBe(text.replace(everyRun, ' ').trim());
      expect(normaliseText(text), JSON.stringify(text)).toBe(
        text.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"').replace(everyRun, ' ').trim(),
      );
    }
  });
});
