import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtFiles, readBuilt, root } from '../support/built-site';

/** Gate: two clean builds of the same commit give the same files, byte for byte. */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-repro-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cleanBuild(name: string): string {
  const out = path.join(scratch, name);
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, POLICY_READER_CACHE: path.join(scratch, `${name}-cache`), ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: 'http://localhost:4321' },
  });
  if (result.status !== 0) throw new Error(`build ${name} failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}

describe('reproducible build', () => {
  it('two clean builds write identical files', () => {
    const first = cleanBuild('first');
    const second = cleanBuild('second');
    const files = builtFiles(first);
    expect(builtFiles(second)).toEqual(files);
    const differing = files.filter((file) => readBuilt(file, first) !== readBuilt(file, second));
    expect(differing).toEqual([]);
  });
});
