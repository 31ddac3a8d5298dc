#!/usr/bin/env node
// Turns a generated corpus (bench/generate-corpus.mjs) into the shape of a
// collection from twenty publishers, which the plain corpus lacks: thousands
// of people named and quoted, a glossary of hundreds of abbreviations used
// everywhere, and one line that many articles quote. Each article gains a
// paragraph, in its Markdown and its capture alike (the fidelity check holds).
//   node bench/publishers-corpus.mjs <corpus> <output dir> [people=2000] [one article in N quotes the line=10]
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from './random.mjs';

const [from, to, peopleArg = '2000', everyArg = '10'] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: node bench/publishers-corpus.mjs <corpus> <output dir> [people] [one article in N quotes the line]');
  process.exit(2);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
mkdirSync(path.join(to, 'glossary'), { recursive: true });

const random = seededRandom(7);
const pick = (list) => list[Math.floor(random() * list.length)];

// Names with accents, apostrophes and particles, as a real list of people has.
const first = ['Amira', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jon', 'Kemi', 'Luca', 'Maya', 'Nils', 'Olu', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tom', 'Uma', 'Vik', 'Wen', 'Xavier', 'Yara', 'Zoe', 'Émile', 'Łukasz', 'Siobhán', 'Ngozi'];
const last = ['Adams', 'Brown', 'Clarke', 'Davies', 'Evans', 'Fraser', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Morgan', 'Nowak', 'Okafor', 'Patel', 'Quinlan', 'Roberts', 'Singh', 'Taylor', 'Usman', 'Vaughan', 'Walsh', 'Young', 'Zhang', 'O’Brien', 'de la Cruz', 'Müller'];
const names = new Set();
while (names.size < Number(peopleArg)) names.add(`${pick(first)} ${pick(last)}${random() < 0.8 ? ` ${pick(last)}` : ''}`);
const people = [...names].map((name, i) => ({ id: `named-${i}`, name }));
for (const p of people) writeFileSync(path.join(to, 'people', `${p.id}.yaml`), `name: "${p.name}"\n`);

const terms = Array.from({ length: 300 }, (_, i) => ({ id: `term-${i}`, term: `N${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}` }));
for (const t of terms) writeFileSync(path.join(to, 'glossary', `${t.id}.yaml`), `term: "${t.term}"\nexpansion: "national ${t.id} body"\n`);

const LINE = 'we will not compromise on safety whatever the financial pressure on the system';
const files = readdirSync(path.join(to, 'articles')).sort();
files.forEach((file, i) => {
  const a = pick(people);
  const b = pick(people);
  // Twenty terms stand in every twentieth article each; one more at random.
  const [t1, t2] = [terms[i % 20], pick(terms)];
  let markdown = `${a.name} said “:quote[line ${i} of ${a.id}]{speaker="${a.id}"}”, and ${b.name} spoke of the ${t1.term} and the ${t2.term}.`;
  let capture = `${a.name} said “line ${i} of ${a.id}”, and ${b.name} spoke of the ${t1.term} and the ${t2.term}.`;
  if (i % Number(everyArg) === 0) {
    markdown += ` Person 3 said “:quote[${LINE}]{speaker="person-3"}”.`;
    capture += ` Person 3 said “${LINE}”.`;
  }
  const md = path.join(to, 'articles', file);
  const txt = path.join(to, 'sources', file.replace(/\.md$/, '.txt'));
  writeFileSync(md, `${readFileSync(md, 'utf8').replace(/\n$/, '')}\n\n${markdown}\n`);
  writeFileSync(txt, `${readFileSync(txt, 'utf8').replace(/\n$/, '')}\n\n${capture}\n`);
});
console.log(`${files.length} articles, ${people.length} more people, ${terms.length} glossary terms, one line quoted in ${Math.ceil(files.length / Number(everyArg))} articles: ${to}`);
