import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/*
 * A content set is the small valid one in tests/fixtures/base/ with a delta
 * applied: for each file (relative to content/), what to make of its text.
 * This builds it into a scratch folder through the real build script.
 */
export const root = path.resolve(import.meta.dirname, '../..');

/** The new text (or bytes) of a file from its old text (undefined when it does not exist yet); null removes it. */
export type Delta = Record<string, (before: string | undefined) => string | Buffer | null>;

/** Replaces exact text, failing loudly if the base no longer has it (a delta that silently does nothing tests nothing). */
export const replace =
  (from: string, to: string) =>
  (before: string | undefined): string => {
    if (before === undefined || !before.includes(from)) throw new Error(`fixture delta: the base file has no ${JSON.stringify(from)}`);
    return before.replace(from, to);
  };

export const write = (text: string | Buffer) => () => text;

/** The base content set with a delta applied, in a scratch folder. */
export function fixtureContent(name: string, delta: Delta, scratch: string): string {
  const content = path.join(scratch, name, 'content');
  cpSync(path.join(root, 'tests/fixtures/base/content'), content, { recursive: true });
  for (const [file, change] of Object.entries(delta)) {
    const full = path.join(content, file);
    const after = change(existsSync(full) ? readFileSync(full, 'utf8') : undefined);
    if (after === null) rmSync(full, { force: true });
    else {
      // A delta may add a kind of entry the base has none of (content/glossary/).
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, after);
    }
  }
  return content;
}

/** `npm run check` on a content set. */
export function checkFixture(name: string, delta: Delta, scratch: string, { env = {} as Record<string, string> } = {}) {
  const content = fixtureContent(name, delta, scratch);
  const result = spawnSync(process.execPath, ['scripts/check.mjs'], {
    cwd: root,
    encoding: 'utf8',
    // A cache of its own: the content set's renderings never mix with the real site's.
    env: { ...process.env, POLICY_READER_CONTENT: content, POLICY_READER_CACHE: path.join(scratch, name, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, content };
}

/** Builds a content set as a site to publish (SITE_URL set), or with `local`, as `npm start` does; `env`: the build's settings besides. */
export function buildFixture(name: string, delta: Delta, scratch: string, { local = false, env = {} as Record<string, string> } = {}) {
  const content = fixtureContent(name, delta, scratch);
  const out = path.join(scratch, name, 'dist');
  const result = runBuild(content, out, path.join(scratch, name, 'cache'), { local, env });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, out, content };
}

/** The real build script on a content folder, into `out`, with `cache` as its cache folder (the same one for a rebuild). */
export function runBuild(content: string, out: string, cache: string, { local = false, env = {} as Record<string, string> } = {}) {
  return spawnSync(process.execPath, ['scripts/build.mjs', '--out', out, ...(local ? ['--local'] : [])], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {
      ...process.env,
      POLICY_READER_CONTENT: content,
      POLICY_READER_CACHE: cache,
      SITE_URL: 'http://localhost:4321',
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...env,
    },
  });
}
