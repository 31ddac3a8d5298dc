import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Astro components rendered with the container API (needs Astro's Vite plugins).
      'tests/components/vitest.config.ts',
      {
        // Pure code, plugins and rules: no build needed, runs in seconds.
        // A limit that only bounds a failure (the server load test can take seconds on a busy machine).
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        // Tests over built sites: the real dist/ (built first, see the setup)
        // and fixture content sets built one at a time.
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/support/fresh-dist.ts'],
          // Whole Astro builds; one at a time on a 2-core machine.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
