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

  test('a name in another’s words is present, though the longer name is the mention', () => {
    expect(keys('NHS England Providers')).toEqual(['organisations/nhs-england:NHS England']);
    const both = nameMatcher([
      { key: 'nhs', names: ['NHS'] },
      { key: 'nhs-england', names: ['NHS England'] },
    ]);
    expect(both.find('NHS England').map((m) => m.key)).toEqual(['nhs-england']);
    expect([...both.present('NHS England')].sort()).toEqual(['nhs', 'nhs-england']);
    expect([...both.present('NHSE and NHSs')]).toEqual([]);
  });

  test('a name that starts with a symbol matches by the same rules', () => {
    const odd = nameMatcher([
      { key: 'hashtag', names: ['#NHS70'] },
      { key: 'nhs', names: ['NHS'], plural: true },
    ]);
    expect(odd.find('a #NHS70 post from the NHSs').map((m) => `${m.key}:${m.text}`)).toEqual(['hashtag:#NHS70', 'nhs:NHSs']);
    expect([...odd.present('(#NHS70)')]).toEqual(['hashtag']);
    expect([...odd.present('x#NHS70')]).toEqual([]);
  });

  test('finds what one regular expression of every name finds, among thousands of names', () => {
    // The rules as they were first written: one alternation of every spelling, longest first.
    const names = Array.from({ length: 3000 }, (_, i) => `Person ${i}`);
    const entities: Nameable[] = [
      ...names.map((name, i) => ({ key: `p${i}`, names: [name] })),
      { key: 'ccg', names: ['CCG'], plural: true },
      { key: 'kings', names: ['King’s Fund', 'The King’s Fund'] },
      { key: 'nhsi', names: ['NHS Improvement', 'NHSI'] },
      { key: 'nhs', names: ['NHS'] },
      { key: 'sams', names: ['Sam'] },
      { key: 'emile', names: ['Émile Durand'] },
      { key: 'alpha', names: ['\u{1d400}lpha Group'] },
    ];
    const spellingsOf = (n: string) => [...new Set([n, n.replace(/'/g, '\u2019'), n.replace(/\u2019/g, "'")])];
    const byName = new Map<string, { key: string; plural: boolean }>();
    for (const e of entities) for (const n of e.names) for (const s of spellingsOf(n)) if (!byName.has(s)) byName.set(s, { key: e.key, plural: !!e.plural });
    const all = [...byName.keys()].sort((a, b) => b.length - a.length);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${all.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(s?)(?![\\p{L}\\p{N}])`, 'gu');
    const reference = (text: string) =>
      [...text.matchAll(pattern)].filter((m) => !m[2] || byName.get(m[1]!)!.plural).map((m) => `${byName.get(m[1]!)!.key}@${m.index}:${m[0]}`);
    const indexed = nameMatcher(entities);
    const texts = [
      'Person 12 met Person 1 and Person 123, then Person 1234s and Person 29990.',
      'The King’s Fund and The King\'s Fund, King’s Funds; NHS Improvement, NHSI, NHSIs, NHS Improvements and the NHS’s plans.',
      'CCGs, CCG’s, CCGss, xCCG, CCG2, Sams said, Sam’s view, Samuel, and Person 7é; Person 8\u00e9 or Person 9\u0301.',
      'Émile said “Person 42” to Person 4 2 in NHS, NHSs and (NHS).',
      // Where words begin and end beyond ASCII: accented and combining letters, and letters beyond the first plane.
      'éNHS, NHSé, NHS\u0301, ÉNHS; Émile Durand, xÉmile Durand, Émile Durands; 1NHS, NHS1, ’NHS’ and «NHS».',
      '\u{1d400}NHS, NHS\u{1d400}, \u{1d400} NHS; \u{1d400}lpha Group, x\u{1d400}lpha Group, \u{1d400}lpha Groups; \ud800NHS\udc00 NHS\ud835',
    ];
    for (const text of texts) expect(indexed.find(text).map((m) => `${m.key}@${m.start}:${m.text}`)).toEqual(reference(text));
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
