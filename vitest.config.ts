import { defineConfig } from 'vitest/config';

// Three groups: pure unit tests; API tests against a real PostGIS (embedded, and a server when
// TEST_DATABASE_URL is set); browser tests in headless Chromium. Database and browser tests
// share one prepared database per worker (isolate: false keeps the module cache between files).
// Unit and API files run on two workers (vitest's default on 2 cores is one: cores − 1), each
// with its own databases; they wait on PostgreSQL and the embedded engine as much as on the CPU.
// Browser files run after them, one at a time: Chromium's software WebGL takes both cores, and two
// browser files side by side each ran about three times slower (CI, 2 cores).
export default defineConfig({
  test: {
    maxWorkers: 2,
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'api', include: ['tests/api/**/*.test.ts'], isolate: false } },
      {
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], isolate: false, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
