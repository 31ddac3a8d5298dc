import { describe, expect, test } from 'vitest';
import { nameClashes, nameMatcher, namesChanged, type Nameable } from '../../src/lib/mentions';

const matcher = nameMatcher([
  { key: 'people/jeremy-hunt', names: ['Jeremy Hunt'] },
  { key: 'people/lord-hunt', names: ['Lord Hunt of King’s Heath', 'Lord Hunt'] },
  { key: 'organisations/nhs-providers', names: ['NHS Providers'] },
  { key: 'organisations/nhs-england', names: ['NHS England'] },
  { key: 'organisations/ccg', names: ['CCG'], plural: true },
  { key: 'organisations/monitor', names: ['Monitor'] },
]);
const keys = (text: string) => matcher.find(text).map((m) => `${m.key}:${m.text}`);

describe('finding people and organisations named in a text', () => {
  test('finds names by whole words, in order', () => {
    expect(keys('Jeremy Hunt asked NHS England and NHS Providers.')).toEqual([
      'people/jeremy-hunt:Jeremy Hunt',
      'organisations/nhs-england:NHS England',
      'organisations/nhs-providers:NHS Providers',
    ]);
  });

  test('case matters: “NHS providers” are trusts, not the membership body', () => {
    expect(keys('NHS providers need to be better at changing their services')).toEqual([]);
  });

  test('the longest name wins where names overlap, and either apostrophe matches', () => {
    expect(keys("Lord Hunt of King's Heath said")).toEqual(["people/lord-hunt:Lord Hunt of King's Heath"]);
    expect(keys('Lord Hunt said')).toEqual(['people/lord-hunt:Lord Hunt']);
  });

  test('an acronym matches in the plural too, but no name matches inside a longer word', () => {
    expect(keys('clinical commissioning groups (CCGs) and CCG boards')).toEqual(['organisations/ccg:CCGs', 'organisations/ccg:CCG']);
    expect(keys('Monitoring and CCGX')).toEqual([]);
    expect(keys('NHS Englands')).toEqual([]);
  });

  test('a name two entities claim is reported, whichever apostrophe each uses', () => {
    expect(
      nameClashes([
        { key: 'people/a', names: ['Lord Hunt of King’s Heath'] },
        { key: 'people/b', names: ["Lord Hunt of King's Heath"] },
        { key: 'organisations/ccg', names: ['CCG'] },
        { key: 'organisations/ccg', names: ['CCG'], plural: true },
      ]),
    ).toEqual([{ name: "Lord Hunt of King's Heath", keys: ['people/a', 'people/b'] }]);
  });
});

describe('the names that differ between two lists', () => {
  const before: Nameable[] = [
    { key: 'people/lord-hunt', names: ['Lord Hunt of King’s Heath', 'Lord Hunt'] },
    { key: 'organisations/nhs', names: ['NHS'] },
    { key: 'organisations/ccg', names: ['CCG'], plural: true },
  ];
  const after: Nameable[] = [
    ...before.filter((e) => e.key !== 'organisations/ccg'),
    { key: 'organisations/ccg', names: ['CCG'] },
    { key: 'organisations/nhs-providers', names: ['NHS Providers'] },
    { key: 'people/mary-obrien', names: ["Mary O'Brien"] },
  ];

  test('are every spelling of the names of entities added, removed or changed, and nothing of the rest', () => {
    expect(namesChanged(before, after).sort()).toEqual(['CCG', 'Mary O’Brien', "Mary O'Brien", 'NHS Providers'].sort());
    expect(namesChanged(before, before)).toEqual([]);
  });

  test.each([
    'NHS Providers said so to NHS England',
    'the CCGs and the CCG',
    'Mary O’Brien’s letter to Lord Hunt of King’s Heath',
    'Lord Hunt and the NHS',
  ])('where none is in %j, the text has the same mentions under either list', (text) => {
    const changed = namesChanged(before, after);
    const same = (a: Nameable[], b: Nameable[]) => expect(nameMatcher(a).find(text)).toEqual(nameMatcher(b).find(text));
    if (changed.some((name) => text.includes(name))) expect(nameMatcher(before).find(text)).not.toEqual(nameMatcher(after).find(text));
    else same(before, after);
  });
});
