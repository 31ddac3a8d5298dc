import { describe, expect, it } from 'vitest';
import { organisationSpeaker, resolveSpeaker, speakerName, speakerOf, speakerUrl } from '../../src/lib/speakers';

const known = {
  people: new Map([['sam-author', 'Sam Author'], ['both', 'A person']]),
  organisations: new Map([['department-of-health', 'Department of Health'], ['both', 'An organisation']]),
};

describe('who speaks in a quotation (lib/speakers)', () => {
  it('a person keeps their id as the speaker, so public data about people is unchanged', () => {
    expect(resolveSpeaker('sam-author', known)).toEqual({ key: 'sam-author' });
    expect(speakerOf('sam-author')).toEqual({ kind: 'person', id: 'sam-author' });
    expect(speakerUrl('sam-author')).toBe('/people/sam-author/');
  });

  it('an organisation written as the speaker is its statement, named and linked as the organisation', () => {
    const resolved = resolveSpeaker('department-of-health', known);
    expect(resolved).toEqual({ key: organisationSpeaker('department-of-health') });
    const key = (resolved as { key: string }).key;
    expect(speakerOf(key)).toEqual({ kind: 'organisation', id: 'department-of-health' });
    expect(speakerName(key, known)).toBe('Department of Health');
    expect(speakerUrl(key)).toBe('/organisations/department-of-health/');
  });

  it('refuses a speaker no file names, and one that is both a person and an organisation, saying what to do', () => {
    expect(resolveSpeaker('nobody', known)).toEqual({ problem: expect.stringContaining('Add content/people/nobody.yaml (or content/organisations/nobody.yaml)') });
    expect(resolveSpeaker('both', known)).toEqual({ problem: expect.stringContaining('is both content/people/both.yaml and content/organisations/both.yaml') });
  });
});
