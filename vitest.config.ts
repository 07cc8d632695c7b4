import { defineConfig } from 'vitest/config';

// Two projects: the unit and integration suites, and the end-to-end suites (test/e2e), which drive
// the system Chromium against `drillbook serve`'s server and vite preview, and build renderer/dist
// first if needed: one file at a time, so two builds never race and two browsers never share the
// two cores.
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
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
