import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The site tests read dist/. Run alone (`npm run test:site`), they build it
 * first, so they never test a stale site; `npm test` builds once and says so
 * with POLICY_READER_FRESH_DIST=1.
 */
export default function setup() {
  if (process.env.POLICY_READER_FRESH_DIST === '1') return;
  const root = path.resolve(import.meta.dirname, '../..');
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: 'http://localhost:4321' } });
  if (result.status !== 0) throw new Error('The site did not build, so the site tests cannot run: see the build output above.');
}
