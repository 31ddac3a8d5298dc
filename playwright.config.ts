import { defineConfig, devices } from '@playwright/test';
// Debian's Chromium and its flags, shared with the benchmark.
import { chromePath as executablePath, CHROMIUM_FLAGS } from './scripts/chromium.mjs';
const port = Number(process.env.E2E_PORT ?? 4322);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // Limits that only bound a failure: on a busy 2-core machine an axe run or a
  // first search can take many times its usual second, and a test must not
  // fail because the machine is slow (a passing run is no slower for these).
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace of every test (to keep a failing one's) made the browser tests 1.18× as long here, and CI
    // shows only their output: to keep the trace of a failing test, run it with --trace retain-on-failure.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: CHROMIUM_FLAGS,
        },
      },
    },
  ],
  // Tests run against the built site (dist/), served as a static host would.
  webServer: {
    command: `node scripts/serve.mjs --port ${port} --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
