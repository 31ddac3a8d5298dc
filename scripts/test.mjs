#!/usr/bin/env node
// Runs every suite in order against a fresh build and ends with one plain
// line, "N passed, N failed", which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { chromePath } from './chromium.mjs';
import { playwrightFailures, vitestFailures } from './test-report.mjs';

// CI keeps only the end of the output: the first failures are repeated there with their causes.
const SHOWN_FAILURES = 5;

const reports = 'reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

// The site tests read the dist/ the first step builds; they build it themselves only when run alone.
// The tests build for this machine, whatever SITE_URL the shell has.
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', POLICY_READER_FRESH_DIST: '1', SITE_URL: 'http://localhost:4321' };
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status === 0;

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

/** Each step: a command, and how to count its tests. A step with no report of its own (the build) counts only when it fails. */
const steps = [
  {
    name: 'build',
    command: 'node',
    args: ['scripts/build.mjs'],
  },
  {
    name: 'types (astro check)',
    command: 'astro',
    args: ['check'],
  },
  {
    name: 'unit and build tests (Vitest)',
    command: 'vitest',
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`],
    failures: () => vitestFailures(readJson(`${reports}/vitest.json`)),
    count: () => {
      const r = readJson(`${reports}/vitest.json`);
      return r && { passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) };
    },
  },
  {
    name: 'end-to-end tests (Playwright, Chromium)',
    // Without the browser every test fails alone, each saying so: said once, and the step not run.
    missing: () =>
      existsSync(chromePath) ? undefined : `Chromium is not at ${chromePath}, and the browser tests need it: on Debian, apt-get install -y chromium (or set CHROME_PATH to a Chromium or Chrome binary).`,
    command: 'playwright',
    args: ['test'],
    failures: () => playwrightFailures(readJson(`${reports}/playwright.json`)),
    count: () => {
      const r = readJson(`${reports}/playwright.json`);
      return r && { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky };
    },
  },
];

let passed = 0;
let failed = 0;
const failures = [];
const causes = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}`);
  const missing = step.missing?.();
  if (missing) {
    console.log(missing);
    failed++;
    failures.push(step.name);
    causes.push(`${step.name}: not run. ${missing}`);
    continue;
  }
  const ok = run(step.command, step.args);
  const counted = step.count?.();
  if (counted) {
    passed += counted.passed;
    failed += counted.failed;
    // A runner that crashed before reporting still counts as a failure.
    if (!ok && counted.failed === 0) failed += 1;
  } else {
    if (!ok) failed++;
  }
  if (!ok) {
    failures.push(step.name);
    const seen = step.failures?.() ?? [];
    if (seen.length) causes.push(`${step.name}: ${seen.length} failed; the first:`, ...seen.slice(0, SHOWN_FAILURES).map((f) => `  - ${f}`));
    // Nothing after a failed build would test the site that was asked for.
    if (step.name === 'build') break;
  }
}

if (causes.length) console.log(`\n${causes.join('\n')}`);
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
