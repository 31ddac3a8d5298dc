import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../support/fixture-build';

/*
 * Publishing is atomic: the site is a symlink swapped in one rename once a
 * build has wholly succeeded, and an interrupted build leaves nothing
 * running and nothing behind.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-publish-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const content = path.join(scratch, 'content');
cpSync(path.join(root, 'tests/fixtures/base/content'), content, { recursive: true });
const out = path.join(scratch, 'dist');
const builds = path.join(scratch, '.dist-builds');
const lock = path.join(root, 'node_modules/.policy-reader-build.lock');
const env = { ...process.env, POLICY_READER_CONTENT: content, POLICY_READER_CACHE: path.join(scratch, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: 'http://localhost:4321' };

const build = () => spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: root, encoding: 'utf8', env });
/** Processes (other than this one) whose environment names this scratch folder: a build, or an Astro it left running. */
const running = () =>
  readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid) && Number(pid) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(scratch);
      } catch {
        return false;
      }
    });

describe('publishing a build', () => {
  it('a build meant to be published needs SITE_URL, says what to set, and publishes nothing without it', () => {
    const elsewhere = path.join(scratch, 'no-site-url');
    const run = (siteUrl: string | undefined) =>
      spawnSync(process.execPath, ['scripts/build.mjs', '--out', elsewhere], { cwd: root, encoding: 'utf8', env: { ...env, SITE_URL: siteUrl } });
    const { SITE_URL: _, ...withoutSite } = env;
    const missing = spawnSync(process.execPath, ['scripts/build.mjs', '--out', elsewhere], { cwd: root, encoding: 'utf8', env: withoutSite });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('SITE_URL is not set');
    expect(missing.stderr).toContain('SITE_URL=https://reader.example.org npm run build');
    expect(missing.stderr).toContain('npm start');
    const wrong = run('reader.example.org');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('SITE_URL must be the site\'s public address');
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('publishes the site as a symlink to a complete build, and swaps it in one step on the next build', () => {
    const first = build();
    expect(first.status, first.stderr).toBe(0);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    const firstTarget = realpathSync(out);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    const second = build();
    expect(second.status, second.stderr).toBe(0);
    expect(realpathSync(out)).not.toBe(firstTarget);
    // The build before is kept until the next one, so a download in progress can finish.
    expect(existsSync(firstTarget)).toBe(true);
    expect(readdirSync(builds).filter((name) => name.startsWith('staging-'))).toEqual([]);
  });

  it('a build killed midway stops Astro, removes its folder and leaves the published site as it was', async () => {
    const before = realpathSync(out);
    const child = spawn(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: root, env, stdio: 'ignore' });
    // Wait until Astro is writing into its staging folder, then kill the build.
    for (let i = 0; i < 600 && !readdirSync(builds).some((name) => name.startsWith('staging-')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(builds).some((name) => name.startsWith('staging-'))).toBe(true);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).not.toBe(0);
    for (let i = 0; i < 100 && running().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(running()).toEqual([]);
    expect(readdirSync(builds).filter((name) => name.startsWith('staging-'))).toEqual([]);
    expect(realpathSync(out)).toBe(before);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<html');
  });

  it('the next build removes a folder and the lock left by a build that was killed outright, and a published build older than the one before the current one', () => {
    const leftover = path.join(builds, 'staging-20200101000000000-999999');
    mkdirSync(leftover, { recursive: true });
    // And the lock of a build that was killed outright (scripts/build.mjs): taken over, not waited for.
    writeFileSync(lock, '999999');
    const older = path.join(builds, '20200101000000000-999999');
    mkdirSync(path.join(older, 'articles'), { recursive: true });
    cpSync(path.join(out, 'index.html'), path.join(older, 'index.html'));
    const result = build();
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(older)).toBe(false);
    expect(result.stdout).not.toContain('Waiting for another build');
    expect(existsSync(lock)).toBe(false);
  });

  it('two builds of the project at once each publish a whole site, the second waiting for the first to be done with Astro', async () => {
    const run = (name: string) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, ['scripts/build.mjs', '--out', path.join(scratch, name)], { cwd: root, env });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.once('exit', (code) => resolve({ code, output }));
      });
    const [one, other] = await Promise.all([run('at-once-1'), run('at-once-2')]);
    expect(one.code, one.output).toBe(0);
    expect(other.code, other.output).toBe(0);
    expect(`${one.output}${other.output}`).toMatch(/Waiting for another build of this project \(process \d+\) to finish with Astro/);
    const pages = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    expect(pages(path.join(scratch, 'at-once-2'))).toEqual(pages(path.join(scratch, 'at-once-1')));
    expect(pages(path.join(scratch, 'at-once-1'))).toContain('articles/index.html');
  });

  // Another file system than the project's: tmpfs, where there is one (Linux has /dev/shm).
  const otherDisk = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(root).dev ? '/dev/shm' : undefined;
  it.skipIf(!otherDisk)('publishes a site on another file system than the project, the same site as beside it', () => {
    if (!existsSync(out)) expect(build().status).toBe(0);
    const away = mkdtempSync(path.join(otherDisk!, 'policy-reader-publish-'));
    try {
      const there = path.join(away, 'site');
      const result = spawnSync(process.execPath, ['scripts/build.mjs', '--out', there], { cwd: root, encoding: 'utf8', env });
      expect(result.status, result.stderr).toBe(0);
      expect(lstatSync(there).isSymbolicLink()).toBe(true);
      expect(statSync(realpathSync(there)).dev).toBe(statSync(away).dev);
      const pages = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
      expect(pages(there)).toEqual(pages(out));
      for (const file of ['index.html', 'articles/index.html', 'pagefind/pagefind-entry.json']) {
        expect(readFileSync(path.join(there, file), 'utf8'), file).toBe(readFileSync(path.join(out, file), 'utf8'));
      }
      expect(readdirSync(path.join(away, '.site-builds')).filter((name) => !/^\d/.test(name))).toEqual([]);
    } finally {
      rmSync(away, { recursive: true, force: true });
    }
  });
});
