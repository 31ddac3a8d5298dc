import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/*
 * Each case in tests/fixtures/<case>/ overlays one change on the small valid
 * content set in tests/fixtures/base/. This builds a case into a scratch
 * folder through the real build script.
 */
export const root = path.resolve(import.meta.dirname, '../..');

export function buildFixture(name: string, scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-fixture-'))) {
  const content = path.join(scratch, name, 'content');
  cpSync(path.join(root, 'tests/fixtures/base/content'), content, { recursive: true });
  if (name !== 'base') cpSync(path.join(root, 'tests/fixtures', name, 'content'), content, { recursive: true });
  const out = path.join(scratch, name, 'dist');
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {
      ...process.env,
      POLICY_READER_CONTENT: content,
      POLICY_READER_CACHE: path.join(scratch, name, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, out, content };
}
