import { describe, expect, it } from 'vitest';
import { pagefindQueries, parseQuery, phraseRuns, relaxedQueries } from '../../src/lib/search-query';

describe('reading a search query', () => {
  it('treats a query in curly double quotes as an exact phrase, as with straight quotes', () => {
    expect(parseQuery('“genuine service improvement”')).toMatchObject({ phrases: ['genuine service improvement'], words: [] });
    expect(parseQuery('"genuine service improvement"')).toMatchObject({ phrases: ['genuine service improvement'], words: [] });
    expect(pagefindQueries(parseQuery('„genuine service improvement“'))).toEqual({ all: ['"genuine service improvement"'] });
  });

  it('keeps a phrase and other words apart, so both must match', () => {
    const q = parseQuery('“political fudge” Dorrell');
    expect(q).toMatchObject({ phrases: ['political fudge'], words: ['Dorrell'] });
    expect(pagefindQueries(q)).toEqual({ all: ['"political fudge"', 'Dorrell'] });
  });

  it('searches a long pasted passage without quotes as words, with its exact phrase preferred', () => {
    const q = parseQuery('the new team will need to show quickly');
    expect(pagefindQueries(q)).toEqual({
      all: ['the new team will need to show quickly'],
      preferred: ['"the new team will need to show quickly"'],
    });
  });

  it('does not treat a short query as a passage', () => {
    expect(pagefindQueries(parseQuery('service improvement'))).toEqual({ all: ['service improvement'] });
  });

  it('drops stray single quotes and punctuation-only tokens, and copes with an unclosed quote', () => {
    expect(parseQuery("‘heroic individual’ -")).toMatchObject({ words: ['heroic', 'individual'] });
    expect(parseQuery('"unclosed phrase')).toMatchObject({ phrases: ['unclosed phrase'], words: [] });
  });

  it('sets apart a word typed with a minus sign before it, to leave out, and only such a word', () => {
    expect(parseQuery('leadership -finance')).toMatchObject({ words: ['leadership'], excluded: ['finance'], text: 'leadership' });
    expect(parseQuery('“system leadership” -Finances,')).toMatchObject({ phrases: ['system leadership'], excluded: ['finances'] });
    expect(parseQuery('joined-up work - not -5 per cent').excluded).toEqual([]);
    expect(parseQuery('"the -so-called reform"').excluded).toEqual([]);
  });

  it('reads an empty or blank query as empty', () => {
    expect(parseQuery('  “ ” ')).toMatchObject({ phrases: [], words: [] });
  });
});

describe('a pasted quotation, split into the runs of the source’s own words', () => {
  it.each([
    ['a spaced en dash', 'head on – rather than relying', ['head on', 'rather than relying']],
    ['a spaced em dash', 'head on — rather than relying', ['head on', 'rather than relying']],
    ['a spaced hyphen-minus', 'head on - rather than relying', ['head on', 'rather than relying']],
    ['an ellipsis marking words left out', 'the new team … genuine service improvement', ['the new team', 'genuine service improvement']],
    ['three full stops joined to a word', 'the new team... genuine service', ['the new team', 'genuine service']],
    ['the quoter’s [sic]', 'their [sic] plans for change', ['their', 'plans for change']],
    ['the quoter’s words in brackets', '[the regulator] will need to show', ['will need to show']],
    ['quote marks around a phrase inside the quotation', 'a sophisticated game of ‘pass the parcel’ has been played', ['a sophisticated game of pass the parcel has been played']],
  ])('splits at %s', (_, phrase, runs) => {
    expect(phraseRuns(phrase)).toEqual(runs);
  });

  it('keeps hyphenated words, apostrophes and numbers inside a run', () => {
    expect(phraseRuns('the world’s long-term plan for 5,000 staff (2%)')).toEqual(['the world’s long-term plan for 5,000 staff (2%)']);
  });

  it('asks Pagefind for every run of a quoted phrase, and of a long passage pasted without quotes, the longest first', () => {
    expect(pagefindQueries(parseQuery('“head on – rather than relying”')).all).toEqual(['"rather than relying"', '"head on"']);
    expect(pagefindQueries(parseQuery('ministers address the issue head on – rather than relying on workarounds')).preferred).toEqual([
      '"ministers address the issue head on"',
      '"rather than relying on workarounds"',
    ]);
  });
});

describe('a quotation pasted with the marks of where it came from', () => {
  const phrasesOf = (pasted: string) => parseQuery(pasted).phrases;

  it('drops characters that print as nothing: soft hyphens and zero-width spaces from a PDF or a web page', () => {
    expect(phrasesOf('“creating an unman\u00ADageable monolith”')).toEqual(['creating an unmanageable monolith']);
    expect(phrasesOf('“creating an\u200B unmanageable\u200B monolith\uFEFF”')).toEqual(['creating an unmanageable monolith']);
  });

  it('joins a word broken by a hyphen at a line’s end, and keeps a hyphen within a line', () => {
    expect(phrasesOf('“creating an unman-\nageable monolith”')).toEqual(['creating an unmanageable monolith']);
    expect(phrasesOf('“creating an unman- \r\n  ageable monolith”')).toEqual(['creating an unmanageable monolith']);
    expect(phrasesOf('“a jointly-led Monitor”')).toEqual(['a jointly-led Monitor']);
    // A capital after the break is a new word: "NHS-\nEngland" is not joined into one.
    expect(phrasesOf('“NHS-\nEngland”')).toEqual(['NHS- England']);
  });

  it('drops footnote markers, superscript or glued to a word after its punctuation, but not a number that belongs to the text', () => {
    expect(phrasesOf('“out of the bottle.12”')).toEqual(['out of the bottle.']);
    expect(phrasesOf('“out of the bottle”12')).toEqual(['out of the bottle']);
    expect(phrasesOf('“out of the bottle.¹²”')).toEqual(['out of the bottle.']);
    expect(phrasesOf('“a letter to No.10 about 2016”')).toEqual(['a letter to No.10 about 2016']);
  });

  it('drops a citation in parentheses after the closing quote mark, but keeps other words and parentheses', () => {
    expect(parseQuery('“out of the bottle” (Nuffield Trust, 2016, p. 3)')).toMatchObject({ phrases: ['out of the bottle'], words: [] });
    expect(parseQuery('“out of the bottle” (Smith 2016).')).toMatchObject({ phrases: ['out of the bottle'], words: [] });
    expect(parseQuery('“out of the bottle” (pp. 3-4)')).toMatchObject({ phrases: ['out of the bottle'], words: [] });
    expect(parseQuery('“out of the bottle” (genie)')).toMatchObject({ phrases: ['out of the bottle'], words: ['(genie)'] });
    expect(parseQuery('“out of the bottle” Nuffield 2016')).toMatchObject({ phrases: ['out of the bottle'], words: ['Nuffield', '2016'] });
  });

  it('drops a page or a quoter’s note in brackets or parentheses after the closing quote mark', () => {
    expect(parseQuery('“out of the bottle” [p. 3]')).toMatchObject({ phrases: ['out of the bottle'], words: [] });
    expect(parseQuery('“out of the bottle” (emphasis added)')).toMatchObject({ phrases: ['out of the bottle'], words: [] });
    expect(parseQuery('“out of the bottle” [sic]')).toMatchObject({ phrases: ['out of the bottle'], words: [] });
    expect(parseQuery('“out of the bottle” [NHS England]')).toMatchObject({ phrases: ['out of the bottle'], words: ['[NHS', 'England]'] });
    // After an opening quote mark, a parenthesis is the quotation's own words.
    expect(parseQuery('“(In 2016) the trust said so”')).toMatchObject({ phrases: ['(In 2016) the trust said so'], words: [] });
    expect(parseQuery('“one” and “(p. 3) two”')).toMatchObject({ phrases: ['one', '(p. 3) two'] });
  });
});

describe('a quotation that found nothing, searched in looser forms', () => {
  it('first without the words outside the quote marks, then each quotation without its first and last words', () => {
    expect(relaxedQueries(parseQuery('“the genie is well and truly out” said the report'))).toEqual([
      { text: '"the genie is well and truly out"', withoutWords: ['said', 'the', 'report'] },
      { text: '"genie is well and truly"', withoutWords: ['said', 'the', 'report'], withoutEdges: true },
      { text: 'the genie is well and truly out', withoutWords: ['said', 'the', 'report'], wordsOnly: true },
    ]);
    expect(relaxedQueries(parseQuery('“enie is well and truly out of the bot”')).slice(0, 2)).toEqual([
      { text: '"is well and truly out of the"', withoutEdges: true },
      { text: 'enie is well and truly out of the bot', wordsOnly: true },
    ]);
  });

  it('then the words of the quotation, not as a passage: its runs between dashes and ellipses, without their punctuation', () => {
    expect(relaxedQueries(parseQuery('“out of the bottle”'))).toEqual([{ text: 'out of the bottle', wordsOnly: true }]);
    expect(relaxedQueries(parseQuery('“head on – rather … than”')).at(-1)).toEqual({ text: 'head on rather than', wordsOnly: true });
  });

  it('last, a long quotation’s first half and then its second, each word for word', () => {
    expect(relaxedQueries(parseQuery('“the genie is well and really out of the bottle”')).slice(-2)).toEqual([
      { text: '"the genie is well and"', part: 'the genie is well and' },
      { text: '"really out of the bottle"', part: 'really out of the bottle' },
    ]);
    expect(relaxedQueries(parseQuery('“the genie is well and out”')).some((r) => r.part)).toBe(false);
    expect(relaxedQueries(parseQuery('“the genie is well and really out of the bottle” “two”')).some((r) => r.part)).toBe(false);
  });

  it('a long passage pasted without quote marks is searched by its halves, word for word', () => {
    expect(relaxedQueries(parseQuery('the genie is well and really out of the bottle'))).toEqual([
      { text: '"the genie is well and"', part: 'the genie is well and', passage: true },
      { text: '"really out of the bottle"', part: 'really out of the bottle', passage: true },
    ]);
  });

  it('keeps a short quotation whole, and has nothing looser for words alone or one quoted word', () => {
    expect(relaxedQueries(parseQuery('“out of the bottle” genie'))).toEqual([
      { text: '"out of the bottle"', withoutWords: ['genie'] },
      { text: 'out of the bottle', withoutWords: ['genie'], wordsOnly: true },
    ]);
    expect(relaxedQueries(parseQuery('genie is well and out'))).toEqual([]);
    expect(relaxedQueries(parseQuery('“genie”'))).toEqual([]);
  });
});

describe('a few words that no article has together, searched in looser forms', () => {
  it('each word left out in turn, the last typed first', () => {
    expect(relaxedQueries(parseQuery('regulator ambition monitor'))).toEqual([
      { text: 'regulator ambition', without: 'monitor' },
      { text: 'regulator monitor', without: 'ambition' },
      { text: 'ambition monitor', without: 'regulator' },
    ]);
    expect(relaxedQueries(parseQuery('frenzy housing'))).toEqual([
      { text: 'frenzy', without: 'housing' },
      { text: 'housing', without: 'frenzy' },
    ]);
  });

  it('a word typed twice is left out once, and a word typed twice alone has nothing to leave out', () => {
    expect(relaxedQueries(parseQuery('frenzy housing frenzy'))).toEqual([
      { text: 'frenzy', without: 'housing' },
      { text: 'housing', without: 'frenzy' },
    ]);
    expect(relaxedQueries(parseQuery('frenzy frenzy'))).toEqual([]);
  });

  it('not one word, nor a passage of several, which is searched by its halves', () => {
    expect(relaxedQueries(parseQuery('frenzy'))).toEqual([]);
    expect(relaxedQueries(parseQuery('genie is well and out')).some((r) => r.without !== undefined)).toBe(false);
  });
});
