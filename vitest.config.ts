import { defineConfig } from 'vitest/config';

// Three groups: pure unit tests; API tests against a real PostGIS (embedded, and a server when
// TEST_DATABASE_URL is set); browser tests in headless Chromium. Database and browser tests
// share one prepared database per worker (isolate: false keeps the module cache between files).
// Two workers: vitest's default on a 2-core machine is one (cores − 1), which left a core idle
// while a browser file waited on Chromium; every worker has its own databases, app and browser.
export default defineConfig({
  test: {
    maxWorkers: 2,
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'api', include: ['tests/api/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], isolate: false } },
    ],
  },
});
