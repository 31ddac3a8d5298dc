#!/usr/bin/env node
// Writes a content set of N realistic articles for build benchmarks: front
// matter like the real content, ~700 words each with headings, a pull quote,
// quotations marked with speakers (whole paragraphs and words in a paragraph),
// names of people and organisations, a list, and now and then a quotation of
// an earlier article, built from the real sources' words.
//   node bench/generate-corpus.mjs <count> <output dir>
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from './random.mjs';

const [countArg, outArg] = process.argv.slice(2);
const count = Number(countArg);
if (!count || !outArg) {
  console.error('usage: node bench/generate-corpus.mjs <count> <output dir>');
  process.exit(2);
}
const out = path.resolve(outArg);
rmSync(out, { recursive: true, force: true });
for (const dir of ['articles', 'people', 'organisations', 'topics', 'sources']) mkdirSync(path.join(out, dir), { recursive: true });

// Sentences of the real sources, so word lengths and punctuation are realistic.
const sentences = readdirSync('content/sources')
  .flatMap((file) => readFileSync(path.join('content/sources', file), 'utf8').split('\n'))
  .flatMap((line) => line.split(/(?<=[.?!])\s+(?=[A-Z“"‘'])/))
  .map((s) => s.trim())
  .filter((s) => s.split(' ').length >= 8 && !/[:*_`<>[\]{}#]/.test(s));

// The same corpus on every run.
const random = seededRandom(42);
const pick = (list) => list[Math.floor(random() * list.length)];
const pad = (n) => String(n).padStart(5, '0');
const yamlString = (s) => JSON.stringify(s);

const people = Array.from({ length: 40 }, (_, i) => `person-${i}`);
const organisations = Array.from({ length: 20 }, (_, i) => `organisation-${i}`);
const topics = Array.from({ length: 10 }, (_, i) => `topic-${i}`);
const kinds = ['blog post', 'press release', 'press statement', 'briefing', 'report', 'comment'];

for (const id of organisations) writeFileSync(path.join(out, 'organisations', `${id}.yaml`), `name: "Organisation ${id.split('-')[1]}"\nkind: "national body"\n`);
for (const id of topics) writeFileSync(path.join(out, 'topics', `${id}.yaml`), `name: "Topic ${id.split('-')[1]}"\ndescription: "A generated topic."\n`);
people.forEach((id, i) =>
  writeFileSync(
    path.join(out, 'people', `${id}.yaml`),
    `name: "Person ${i}"\nroles:\n  - title: "chief executive"\n    organisation: ${organisations[i % organisations.length]}\n    statedIn: article-${pad(i % count)}\n    asStated: "Person ${i}, chief executive"\n`,
  ),
);

// Quotations are new sentences of random words from the sources, so that an
// 8-word run is shared only where an article really quotes another (every
// 20th article quotes the one 20 before it), as in a real collection.
const vocabulary = [...new Set(sentences.flatMap((s) => s.toLowerCase().match(/[a-z]+/g) ?? []))];
const unique = () => {
  const words = Array.from({ length: 12 }, () => pick(vocabulary));
  return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
};
const ownWords = [];

function paragraph(sentenceCount) {
  return Array.from({ length: sentenceCount }, () => pick(sentences)).join(' ');
}

for (let i = 0; i < count; i++) {
  const id = `article-${pad(i)}`;
  const title = `${pick(sentences).split(' ').slice(0, 9).join(' ').replace(/[.,;]$/, '')} (${i})`;
  const speaker = pick(people);
  const other = pick(people);
  const n = (person) => person.split('-')[1];
  ownWords[i] = unique();
  const quotesEarlier = i >= 20 && i % 20 === 0;
  const body = [
    paragraph(3),
    `${paragraph(2)} ${ownWords[i]}`,
    `Person ${n(speaker)}, of Organisation ${n(pick(organisations))}, said:`,
    `:::quote{speaker="${speaker}"}\n“${unique()} ${unique()}\n\n“${unique()}”\n:::`,
    `${paragraph(1)} Person ${n(other)} added that “:quote[${quotesEarlier ? ownWords[i - 20] : unique()}]{speaker="${other}"}”`,
    `## ${pick(sentences).split(' ').slice(0, 6).join(' ')}`,
    paragraph(4),
    `:::pullquote{speaker="${speaker}" attribution="Person ${speaker.split('-')[1]}"}\n${pick(sentences)}\n:::`,
    paragraph(3),
    ['- ' + pick(sentences), '- ' + pick(sentences), '- ' + pick(sentences)].join('\n'),
    `## ${pick(sentences).split(' ').slice(0, 5).join(' ')}`,
    paragraph(4),
    paragraph(3),
    paragraph(3),
  ].join('\n\n');
  // Dates rise with the index (over four years, a few days' jitter), so an article that quotes the one
  // 20 before it is always the later of the two: quoted-from links point from the later text to the earlier.
  const when = new Date(Date.UTC(2015, 0, 1) + Math.floor(((i + random() * 5) / count) * 4 * 365) * 86_400_000);
  const [year, month, day] = [when.getUTCFullYear(), when.getUTCMonth() + 1, when.getUTCDate()];
  const front = [
    '---',
    `title: ${yamlString(title)}`,
    'titleSource: source',
    `kind: ${pick(kinds)}`,
    `published: "${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}"`,
    `authors: [${pick(people)}]`,
    `speakers: [${speaker}, ${other}]`,
    `publisher: ${pick(organisations)}`,
    `organisations: [${pick(organisations)}, ${pick(organisations)}]`,
    `topics: [${pick(topics)}, ${pick(topics)}]`,
    'source:',
    `  capture: ${id}.txt`,
    '---',
  ].join('\n');
  writeFileSync(path.join(out, 'articles', `${id}.md`), `${front}\n\n${body}\n`);
  writeFileSync(path.join(out, 'sources', `${id}.txt`), `${title}\n\n${body.replace(/^(:::.*|## |- )/gm, '').replace(/:quote\[([^\]]*)\]\{[^}]*\}/g, '$1')}\n`);
}
console.log(`wrote ${count} articles to ${out}`);
