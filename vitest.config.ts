import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // The build tests run whole Astro builds; one at a time on a 2-core machine.
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
