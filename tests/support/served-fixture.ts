import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildFixture, type Delta } from './fixture-build';
import { serveSite } from './serve-site';

/**
 * A fixture site (the base content with `delta`, tests/support/fixture-build)
 * built before a spec's tests and served on a port of its own, removed after
 * them: for what a reader does on a collection the seed site is too small to
 * show. Called at a spec's top level; `origin` is set once the site is up.
 */
export function servedFixture(name: string, delta: Delta, env: Record<string, string> = {}): { origin: string } {
  const site = { origin: '' };
  let scratch = '';
  let served: Awaited<ReturnType<typeof serveSite>> | undefined;
  test.beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), `policy-reader-${name}-`));
    const built = buildFixture(name, delta, scratch, { local: true, env });
    expect(built.status, built.output).toBe(0);
    served = await serveSite(built.out);
    site.origin = served.origin;
  });
  test.afterAll(() => {
    served?.close();
    rmSync(scratch, { recursive: true, force: true });
  });
  return site;
}
