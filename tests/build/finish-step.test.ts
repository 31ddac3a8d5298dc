import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/build.mjs starts the step after Astro (the search index and the checks) beside Astro, and tells it to go
// once Astro has written the site. Every build test goes through the telling; these are the cases where it never comes.
const script = path.resolve('scripts/finish-build.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-finish-step-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const finish = (input: string) =>
  spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', script, path.join(scratch, 'never-built'), '--when-told'], { input, encoding: 'utf8', timeout: 60_000 });

describe('the step after Astro, started before the site is built', () => {
  it('ends without a word and writes nothing when it is never told to go (Astro failed)', () => {
    const run = finish('');
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('told to go where no site was written, says what it needs and fails', () => {
    const run = finish('go\n');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Give the folder of a built site (one with an index.html)');
  });
});
