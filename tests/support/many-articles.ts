import { QUOTED_LINKS_SHOWN } from '../../src/lib/quoted-from';
import { ARTICLES_PAGE_SIZE, GLOSSARY_PAGE_SIZE, NAMES_PAGE_SIZE } from '../../src/lib/routes';
import { write, type Delta } from './fixture-build';

/*
 * A collection larger than one page of each list (the fixture's base with a
 * hundred generated notes, people and organisations added), built by the tests of
 * long lists: tests/build/article-list.test.ts reads its HTML, and
 * tests/e2e/long-lists.spec.ts reads it in a browser.
 */

// One more than a page, with the fixture's own article: two pages. The last
// is dated a year later than the rest: on the timeline, after the fixture's
// article and event (2015), the 2017 notes fill the first page and run on to
// the second, where 2018 begins. It also quotes someone it does not name:
// on the quotes, after Sam's quotations (more than a page), the unattributed
// start on the second page. Every note uses one abbreviation, GN.
export const ADDED = ARTICLES_PAGE_SIZE;
// The first notes (dated a month apart, the first earliest) all quote one line:
// the first holds it first, and each later one quotes it.
export const ECHOED = QUOTED_LINKS_SHOWN + 2;
export const ECHO = 'the plan is the thing that matters most to all of us here';
// A page and one of people besides the fixture's Sam Author, under four first
// names, one with an accent: A, B and C fill three quarters of the first page,
// É (filed under E) runs on to the second, where S begins.
export const PEOPLE = Array.from({ length: NAMES_PAGE_SIZE + 1 }, (_, i) => `${i === NAMES_PAGE_SIZE ? 'Émile' : ['Alex', 'Bea', 'Cal', 'Émile'][i % 4]} Example ${String(i).padStart(3, '0')}`);
// A page of organisations besides the fixture's Sample Trust, all under E: Sample Trust runs on to the second page.
export const ORGANISATIONS = Array.from({ length: NAMES_PAGE_SIZE }, (_, i) => `Example Body ${String(i).padStart(3, '0')}`);
// A page of abbreviations no text uses, besides GN which every note uses: the glossary runs on to a second page,
// the written-out terms last.
export const UNUSED_TERMS = Array.from({ length: GLOSSARY_PAGE_SIZE }, (_, i) => `XT${String(i).padStart(3, '0')}`);
export const MANY: Delta = Object.fromEntries([
  ...Array.from({ length: ADDED }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    const title = `Generated note number ${n}`;
    const date = `${i === ADDED - 1 ? 2018 : 2017}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    return [
      [`articles/note-${n}.md`, write(`---\ntitle: "${title}"\ntitleSource: source\npublished: "${date}"\ntopics: [sample-topic]\nsource:\n  capture: note-${n}.txt\n---\n\nThe text of note ${n}, a GN, where Sam said “:quote[note ${n} matters]{speaker="sam-author"}”.${i === ADDED - 1 ? ' Someone said “:quote[nothing is settled]{unattributed}”.' : ''}${i < ECHOED ? ` Sam said it again: “:quote[${ECHO}]{speaker="sam-author"}”.` : ''}\n`)],
      [`sources/note-${n}.txt`, write(`${title}\n\nThe text of note ${n}, a GN, where Sam said “note ${n} matters”.${i === ADDED - 1 ? ' Someone said “nothing is settled”.' : ''}${i < ECHOED ? ` Sam said it again: “${ECHO}”.` : ''}\n`)],
    ];
  }).flat(),
  ['glossary/gn.yaml', write('term: "GN"\nexpansion: "generated note"\n')],
  ...UNUSED_TERMS.map((term) => [`glossary/${term.toLowerCase()}.yaml`, write(`term: "${term}"\nexpansion: "example term ${term.slice(2)}"\n`)]),
  ...PEOPLE.map((name, i) => [`people/person-${i}.yaml`, write(`name: "${name}"\n`)]),
  ...ORGANISATIONS.map((name, i) => [`organisations/body-${i}.yaml`, write(`name: "${name}"\nkind: "company"\n`)]),
]);

