import { describe, expect, it } from 'vitest';
import { pagefindQueries, parseQuery, phraseRuns } from '../../src/lib/search-query';

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
