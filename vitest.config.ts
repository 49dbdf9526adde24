import { defineConfig } from 'vitest/config';

// One runner for every package. Tests run with TZ=UTC; time code is also tested in zones
// with daylight saving by passing the zone explicitly.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'domain',
          // Groups run one after another: domain, then database tests, then the browser.
          sequence: { groupOrder: 0 },
          include: ['packages/domain/src/**/*.test.ts', 'knowledge-base/**/*.test.ts'],
          // Pure functions over plain data hold no module state between files, so the files share one module
          // graph per worker instead of each re-importing the knowledge base and TypeBox: about 2.5x less CPU
          // (14 s against 36 s user time for the 33 files, measured on a shared, busy machine in issue 10).
          isolate: false,
          // A few hold plain arithmetic to Temporal's polyfill over tens of thousands of cases (epoch-days.test.ts):
          // a second or two alone, past the default 5 s when a fresh-clone CI ran beside them here.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          // Unit tests of the web app's pure modules (no browser) and of the build scripts: node environment.
          name: 'web',
          sequence: { groupOrder: 0 },
          include: ['packages/web/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          // The app uses the global Temporal (main.tsx installs the polyfill where a browser has none); Node has none yet.
          setupFiles: ['temporal-polyfill/global'],
        },
      },
      {
        test: {
          name: 'server',
          sequence: { groupOrder: 1 },
          include: ['packages/server/src/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file opens its own PGlite (about 5 s cold) or its own PostgreSQL database.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
