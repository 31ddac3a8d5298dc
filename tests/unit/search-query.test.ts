import { describe, expect, it } from 'vitest';
import { pagefindQueries, parseQuery } from '../../src/lib/search-query';

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
      preferred: '"the new team will need to show quickly"',
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
