#!/usr/bin/env node
// Drafts an article from a raw capture: npm run new -- <capture-file> [--url <address>]
// The capture is copied unchanged into content/sources/, the article written
// as a draft to content/articles/<slug>.md, and a stub file written for each
// person found without one; then it prints what the editor must still decide.
// The drafting itself is src/lib/draft-article.ts, run here on Node's own
// TypeScript support, outside Astro, so it takes a moment.
import { existsSync } from 'node:fs';
import { loadTypeScript } from '../src/lib/load-typescript.mjs';
import path from 'node:path';
import { parseArgs } from 'node:util';

loadTypeScript();

const usage = 'Usage: npm run new -- <capture-file> [--url <address of the page>]';
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { url: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (args.values.help || args.positionals.length !== 1) {
  console.error(usage);
  process.exit(args.values.help ? 0 : 2);
}
const capture = args.positionals[0];
if (!existsSync(capture)) {
  console.error(`${capture}: no such file. ${usage}`);
  process.exit(2);
}

const { writeDraft } = await import('../src/content-files/new-article.ts');
let written;
try {
  written = writeDraft(path.resolve(capture), args.values.url);
} catch (error) {
  // Content problems are worded for the editor; anything else is a bug, and keeps its stack.
  console.error(error.stack === '' ? error.message : error);
  process.exit(1);
}
const { draft, files, organisations } = written;
const article = files.find((f) => f.endsWith(`${draft.slug}.md`));
const read = [
  `title (${draft.title.source === 'source' ? draft.title.from : 'an editor’s title: the first sentence'})`,
  draft.standfirst && `standfirst (${draft.standfirst.from})`,
  draft.kind && `kind: ${draft.kind.value} (${draft.kind.from})`,
  draft.published && `date: ${draft.published.value} (${draft.published.from})`,
  draft.publishedInferred && `date, inferred: ${draft.publishedInferred.value} (from the address)`,
  draft.partOf && `part of: ${draft.partOf.value}`,
  draft.citation && `suggested citation (${draft.citation.from})`,
  draft.publisherInferred && `publisher, inferred: ${draft.publisherInferred.value} (from the address)`,
].filter(Boolean);
console.log(`Drafted ${article} (a draft: shown by npm start, left out of a published build).\n`);
console.log('Written:');
for (const f of files) console.log(`  ${f}`);
console.log('\nRead from the capture:');
for (const r of read) console.log(`  ${r}`);
if (draft.dropped.length > 0) console.log(`  page furniture dropped: lines ${draft.dropped.map((d) => d.line).join(', ')}`);
if (draft.quotations.length > 0) {
  console.log('\nQuotation markup proposed (check each speaker):');
  for (const q of draft.quotations) console.log(`  ${q}`);
}
if (organisations.length > 0) {
  console.log('\nOrganisations named without a file (not written: choose each one’s kind, then save it):');
  for (const o of organisations) console.log(`  ${o.file}\n${o.text.replace(/^/gm, '    ')}`);
}
console.log('\nStill to decide:');
for (const d of draft.decide) console.log(`  - ${d}`);
console.log(`\nThen run npm run check. When the article is right, remove "draft: true" from it to publish.`);
