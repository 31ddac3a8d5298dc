#!/usr/bin/env node
// Where a clean build of ours spends its CPU: builds a corpus once under V8's
// sampling profiler (--cpu-prof, every Node process and thread of the build)
// and prints the functions and the files with the most self time, so the
// next culprit is as easy to see as the last ones were.
//   node bench/profile.mjs <corpus-folder> [--top 15]
// npm run bench runs it on its first corpus size (--skip-profile to skip).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Self time by function and by file, summed over every profile in `dir`. */
export function summarise(dir, top = 15) {
  const byFunction = new Map();
  const byFile = new Map();
  let total = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    // Each sample's time is the delta to the next sample.
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
    for (const [id, micros] of self) {
      const { callFrame } = nodes.get(id);
      // Waiting is not work: a thread idle while another renders.
      if (callFrame.functionName === '(idle)') continue;
      const file = shortFile(callFrame.url) || `(${callFrame.functionName || 'program'})`;
      const fn = `${callFrame.functionName || '(anonymous)'} ${file}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ''}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
      byFile.set(file, (byFile.get(file) ?? 0) + micros);
      total += micros;
    }
  }
  const topOf = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([what, micros]) => ({ what, seconds: micros / 1e6, share: micros / total }));
  return { totalSeconds: total / 1e6, functions: topOf(byFunction), files: topOf(byFile) };
}

/** "node_modules/hast-util-to-html/lib/index.js", "src/markdown/render.ts": where a function lives, without the machine's paths. */
function shortFile(url) {
  if (!url) return '';
  if (url.startsWith('node:') || !url.includes('/')) return `node:${url.replace(/^node:/, '')}`;
  const plain = url.replace(/^file:\/\//, '').replace(/\?.*$/, '');
  const modules = plain.lastIndexOf('node_modules/');
  if (modules >= 0) return plain.slice(modules);
  const src = plain.indexOf('/src/');
  if (src >= 0) return plain.slice(src + 1);
  const dist = plain.indexOf('/dist/');
  return dist >= 0 ? `(built) ${plain.slice(dist + 1)}` : path.basename(plain);
}

/** A clean build of `corpus` under the profiler; its summary. */
export function profileBuild(corpus, { top = 15 } = {}) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'policy-reader-profile-'));
  try {
    const profiles = path.join(scratch, 'profiles');
    const result = spawnSync(path.join(root, 'node_modules/.bin/node'), [path.join(root, 'scripts/build.mjs'), '--local', '--out', path.join(scratch, 'out')], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        POLICY_READER_CONTENT: corpus,
        POLICY_READER_CACHE: path.join(scratch, 'cache'),
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profiles}`.trim(),
      },
    });
    if (result.status !== 0) throw new Error(`profiled build failed:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
    return summarise(profiles, top);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The summary as lines of text, for the bench's output. */
export function describeProfile(summary) {
  const line = ({ what, seconds, share }) => `  ${seconds.toFixed(1).padStart(6)} s  ${(share * 100).toFixed(1).padStart(5)} %  ${what}`;
  return [
    `CPU sampled: ${summary.totalSeconds.toFixed(1)} s of work (idle time left out), every process and thread of the build.`,
    'Self time by file:',
    ...summary.files.map(line),
    'Self time by function:',
    ...summary.functions.map(line),
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const corpus = process.argv[2];
  const topAt = process.argv.indexOf('--top');
  if (!corpus) {
    console.error('Usage: node bench/profile.mjs <corpus-folder> [--top 15]  (make one with node bench/generate-corpus.mjs 1000 <folder>)');
    process.exit(2);
  }
  console.log(describeProfile(profileBuild(path.resolve(corpus), { top: topAt > 0 ? Number(process.argv[topAt + 1]) : 15 })));
}
