#!/usr/bin/env node
// Checks the whole content collection without building a page, and reports
// every problem at once (file:line, field and fix): the schemas of every
// content file, references between them, directives and speakers, timeline
// events, fidelity to the captures and published permalinks. These are the
// checks the articles loader makes; `astro sync` runs the loaders and
// nothing else, so this takes seconds where a build takes minutes.
// `npm run build` makes the same checks first.
//   node scripts/check.mjs   (POLICY_READER_CONTENT picks the content)
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const started = performance.now();
const result = spawnSync(path.resolve('node_modules/.bin/astro'), ['sync'], {
  encoding: 'utf8',
  env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
});
// Astro's own progress lines say nothing an editor needs; its errors are ours, already worded for them.
const output = `${result.stdout}${result.stderr}`
  .split('\n')
  .filter((line) => !/^\d\d:\d\d:\d\d \[(content|types|WARN\] \[glob-loader|policy-reader:[a-z]+)\]/.test(line) && !/^\s*$/.test(line))
  .join('\n');
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result.status === 0) {
  console.log(`No problems in the content (checked in ${seconds} s).`);
} else {
  console.error(output);
  console.error(`\nThe content has problems (checked in ${seconds} s): fix them and run npm run check again.`);
}
process.exit(result.status ?? 1);
