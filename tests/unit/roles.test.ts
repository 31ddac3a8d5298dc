import { describe, expect, it } from 'vitest';
import { describeRole, roleAt, type DatedRole } from '../../src/lib/roles';

const roles: DatedRole[] = [
  { title: 'director of policy', organisation: 'Sample Trust', statedIn: 'early', dateKey: '2014-03-01' },
  { title: 'chief executive', organisation: 'Sample Trust', statedIn: 'middle', dateKey: '2016-06-30' },
  { title: 'chair', statedIn: 'late', dateKey: '2019-01-10' },
];

describe('a speaker’s role at the time of an article', () => {
  it('is the role the article itself states, whatever the dates', () => {
    expect(roleAt(roles, { slug: 'late', dateKey: '2014-01-01' })?.title).toBe('chair');
  });

  it('is otherwise the latest role stated on or before the article’s date', () => {
    expect(roleAt(roles, { slug: 'other', dateKey: '2017-02-01' })?.title).toBe('chief executive');
    expect(roleAt(roles, { slug: 'other', dateKey: '2016-06-30' })?.title).toBe('chief executive');
  });

  it('is none when every stated role is later, or the article has no date: a later role says nothing of before', () => {
    expect(roleAt(roles, { slug: 'other', dateKey: '2013-12-31' })).toBeUndefined();
    expect(roleAt(roles, { slug: 'other' })).toBeUndefined();
  });

  it('reads as title and organisation, or the title alone', () => {
    expect(describeRole(roles[1]!)).toBe('chief executive, Sample Trust');
    expect(describeRole(roles[2]!)).toBe('chair');
    // A source that names only where someone works: the organisation alone, no title invented.
    expect(describeRole({ organisation: 'Sample Trust', statedIn: 'x' })).toBe('Sample Trust');
  });
});
