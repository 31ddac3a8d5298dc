#!/usr/bin/env node
// Builds the site into a staging folder and swaps it in for dist/ only when
// the whole build has succeeded, so a failed build never leaves half a site.
//   node scripts/build.mjs [--out DIR]   (POLICY_READER_CONTENT picks the content)
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : 'dist');
const staging = `${out}.staging-${process.pid}`;
rmSync(staging, { recursive: true, force: true });

const astro = path.resolve('node_modules/.bin/astro');
// --force: an article's page depends on every other content file (mentions,
// quoted-from links, related articles), so no cached render may be reused.
const result = spawnSync(astro, ['build', '--force', ...process.argv.slice(2).filter((a, i, all) => a !== '--out' && all[i - 1] !== '--out')], {
  stdio: 'inherit',
  env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, POLICY_READER_OUT: staging },
});

if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: nothing was published; ${path.relative(process.cwd(), out) || out}/ is unchanged.`);
  process.exit(result.status ?? 1);
}

rmSync(out, { recursive: true, force: true });
renameSync(staging, out);
if (!existsSync(path.join(out, 'index.html'))) {
  console.error(`Build finished but ${out}/index.html is missing.`);
  process.exit(1);
}
console.log(`Site written to ${path.relative(process.cwd(), out) || out}/`);
