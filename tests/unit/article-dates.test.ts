import { describe, expect, it } from 'vitest';
import { articleDate, articleDateIso, articleMonth, compareNewestFirst } from '../../src/lib/article-dates';
import { isPartialDate, parsePartialDate, type PartialDate } from '../../src/lib/dates';

function d(value: string): PartialDate {
  const parsed = parsePartialDate(value);
  if (!isPartialDate(parsed)) throw new Error(parsed.error);
  return parsed;
}

describe('article dates', () => {
  it('shows a stated date as stated', () => {
    expect(articleDate({ published: d('2018-05-24') })).toEqual({
      status: 'stated',
      value: d('2018-05-24'),
      label: '24 May 2018',
    });
  });

  it('shows an inferred date as approximate, with its basis', () => {
    const shown = articleDate({ publishedInferred: { value: d('2016'), basis: 'It speaks of STPs being drawn up.' } });
    expect(shown).toMatchObject({ status: 'inferred', label: 'c. 2016', basis: 'It speaks of STPs being drawn up.' });
  });

  it('says when the source states no date', () => {
    expect(articleDate({}).label).toBe('Date not stated in the source');
  });

  it('lists newest first, inferred dates in their place and undated articles last', () => {
    const articles = [
      { title: 'Undated', },
      { title: 'Old', published: d('2015-09-30') },
      { title: 'Inferred', publishedInferred: { value: d('2016'), basis: 'basis' } },
      { title: 'New', published: d('2018-05-24') },
    ];
    expect([...articles].sort(compareNewestFirst).map((a) => a.title)).toEqual(['New', 'Inferred', 'Old', 'Undated']);
  });
});

describe('an article’s date as ISO text', () => {
  it('is the stated date, or the inferred one, as precise as known; none without either', () => {
    expect(articleDateIso({ published: { iso: '2016-03' } })).toBe('2016-03');
    expect(articleDateIso({ publishedInferred: { value: { iso: '2016' } } })).toBe('2016');
    expect(articleDateIso({})).toBeUndefined();
  });
});

describe('an article’s month, for the guide to the list by date', () => {
  it('is the month of a dated article, the year of one dated by year, marked when inferred, and none when undated', () => {
    expect(articleMonth({ published: d('2018-05-24') })).toBe('May 2018');
    expect(articleMonth({ published: d('2018-05') })).toBe('May 2018');
    expect(articleMonth({ published: d('2018') })).toBe('2018');
    expect(articleMonth({ publishedInferred: { value: d('2016-03'), basis: 'It speaks of the spring.' } })).toBe('c. March 2016');
    expect(articleMonth({})).toBeUndefined();
  });
});
