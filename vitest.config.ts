import { defineConfig } from 'vitest/config';

// Two projects: the unit and integration suites, and the end-to-end suite (test/e2e), which drives
// the system Chromium against `drillbook serve`'s server and builds renderer/dist first if needed.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
