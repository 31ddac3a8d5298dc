import { describe, expect, it } from 'vitest';
import { dateSortKey, formatPartialDate, isPartialDate, parsePartialDate, type PartialDate } from '../../src/lib/dates';

function parse(value: string): PartialDate {
  const parsed = parsePartialDate(value);
  if (!isPartialDate(parsed)) throw new Error(parsed.error);
  return parsed;
}

describe('partial dates', () => {
  it('reads a day, a month and a year with their precision', () => {
    expect(parse('2015-09-30')).toMatchObject({ precision: 'day', year: 2015, month: 9, day: 30 });
    expect(parse('2018-05')).toMatchObject({ precision: 'month', year: 2018, month: 5 });
    expect(parse('2016')).toMatchObject({ precision: 'year', year: 2016 });
  });

  it('rejects an impossible day and says why', () => {
    expect(parsePartialDate('2015-02-31')).toEqual({
      error: '"2015-02-31" is not a real date: February 2015 has 28 days.',
    });
  });

  it('accepts 29 February only in a leap year', () => {
    expect(isPartialDate(parsePartialDate('2016-02-29'))).toBe(true);
    expect(isPartialDate(parsePartialDate('2015-02-29'))).toBe(false);
  });

  it('rejects a month that does not exist and text that is not a date', () => {
    expect(parsePartialDate('2015-13')).toEqual({ error: '"2015-13" is not a real date: there is no month 13.' });
    expect(parsePartialDate('30/09/2015')).toHaveProperty('error');
  });

  it('shows a date no more precisely than it is known', () => {
    expect(formatPartialDate(parse('2015-09-30'))).toBe('30 September 2015');
    expect(formatPartialDate(parse('2018-05'))).toBe('May 2018');
    expect(formatPartialDate(parse('2016'))).toBe('2016');
  });

  it('sorts a year-only date after the dated days of that year', () => {
    const keys = ['2015', '2015-09-30', '2014-12'].map((v) => dateSortKey(parse(v)));
    expect([...keys].sort()).toEqual([dateSortKey(parse('2014-12')), dateSortKey(parse('2015-09-30')), dateSortKey(parse('2015'))]);
  });
});
