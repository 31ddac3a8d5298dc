import path from 'node:path';
import { expect } from 'vitest';
import { builtFiles, readBuilt } from './built-site';
import { runBuild } from './fixture-build';

/*
 * Builds for the tests of rebuilds (tests/build/incremental, listing-reuse):
 * a content folder built into a scratch folder with the cache it is given,
 * the same one for each rebuild of a series, and a built site held against
 * a clean build of the same content.
 */

/** Builds `content` into `scratch/<name>` as a site to publish, with `cache` as its cache folder; a failed build throws with its output. */
export function buildSite(scratch: string, content: string, name: string, cache: string, env: Record<string, string> = {}) {
  const out = path.join(scratch, name);
  const result = runBuild(content, out, cache, { env });
  if (result.status !== 0) throw new Error(`build ${name} failed:\n${result.stdout}\n${result.stderr}`);
  return { out, log: `${result.stdout}\n${result.stderr}` };
}

/** The built site holds the same files as the clean build, byte for byte. */
export function expectSameAsClean(built: string, clean: string): void {
  const files = builtFiles(clean);
  expect(builtFiles(built)).toEqual(files);
  expect(files.filter((file) => readBuilt(file, built) !== readBuilt(file, clean))).toEqual([]);
}
