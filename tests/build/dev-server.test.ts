import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureContent, root } from '../support/fixture-build';

/*
 * `npm run dev`, as an editor uses it: the small base content set served by
 * Astro's dev server. An editor checks an article against its capture by
 * following the article's link to it, which must answer as on the built site.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-fixture-'));
let server: ChildProcess | undefined;
let origin = '';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

/** An environment as a terminal gives it: under Vitest's variables (VITEST, NODE_ENV=test) Astro's dev server answers every page with 404. */
const withoutVitest = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));

beforeAll(async () => {
  const content = fixtureContent('dev', {}, scratch);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    cwd: root,
    env: { ...withoutVitest(process.env), POLICY_READER_CONTENT: content, POLICY_READER_CACHE: path.join(scratch, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk));
  // --ignore-lock: beside an editor's own `npm run dev`, neither replacing it nor refusing to start, and
  // in the foreground (Astro 7 sends a dev server started by a coding agent to the background otherwise).
  // Ready when it answers: the first start renders the content and may optimise dependencies.
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${origin}/`, { signal: AbortSignal.timeout(20_000) })).ok) break;
    } catch {
      // Not listening yet.
    }
    if (tries > 240 || server.exitCode !== null) throw new Error(`the dev server did not start:\n${log.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 150_000);

afterAll(() => {
  server?.kill();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the dev server', () => {
  it("serves an article's capture at the address the article links to, byte for byte", async () => {
    const page = await (await fetch(`${origin}/articles/sample/`)).text();
    const href = /<a href="(\/sources\/[^"]+)"/.exec(page)?.[1];
    expect(href).toBe('/sources/sample.txt');
    const response = await fetch(`${origin}${href}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(readFileSync(path.join(scratch, 'dev/content/sources/sample.txt')));
  });

  it('still answers 404 for a capture that does not exist', async () => {
    expect((await fetch(`${origin}/sources/no-such-capture.txt`)).status).toBe(404);
  });
});
