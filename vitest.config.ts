import { defineConfig } from 'vitest/config';

// Files that drive Chromium run one at a time: two browsers on a two-core machine starve each other.
const CHROMIUM_TESTS = [
  'test/browser/**/*.test.ts',
  'test/shared/forms/pdf.test.ts',
  'test/shared/forms/report-chain-pdf.test.ts',
];

/**
 * `npm test` runs the browser files in two lanes (DUTY_CHROMIUM_LANE): 'first' from the start beside
 * the unit files, 'second' these once the unit files are done, so both cores stay busy to the end.
 * Unset, the chromium project runs them all.
 */
const CHROMIUM_SECOND_LANE = [
  'test/browser/print-preview-pages.test.ts',
  'test/browser/board-paging.test.ts',
  'test/browser/data.test.ts',
  'test/browser/response.test.ts',
  'test/browser/rosters-warnings.test.ts',
];
const chromiumLane = process.env.DUTY_CHROMIUM_LANE;
if (chromiumLane !== undefined && chromiumLane !== 'first' && chromiumLane !== 'second') {
  throw new Error(`DUTY_CHROMIUM_LANE is 'first' or 'second', not '${chromiumLane}'`);
}

/**
 * The repository and service suites that run a second time on PostgreSQL (issue 17), each test on
 * its own schema of DUTY_TEST_DATABASE_URL, plus the PostgreSQL-only tests. `npm test` and CI
 * always run them (scripts/test.mjs starts a throwaway cluster); a plain `npx vitest run` runs them
 * when DUTY_TEST_DATABASE_URL is set and says so when it is not.
 */
const POSTGRES_ONLY = ['test/electron/db/postgres/**/*.test.ts'];
const ON_BOTH_ENGINES = [
  ...POSTGRES_ONLY,
  ...[
    'incidents/incident-service',
    'incidents/registration-unit',
    'incidents/incident-pages',
    'incidents/derived-store',
    'incidents/incident-search',
    'incidents/search-index',
    'incidents/level-change',
    'incidents/open-clocks',
    'incidents/reporting-duties',
    'incidents/search-keywords',
    'incidents/set-reporting-role',
    'incidents/written-clock-by-phone',
    'incidents/shared-board-reads',
    'reports/report-service',
    'reports/level-history-prefill',
    'reports/dispatch-after-upgrade',
    'response/response-service',
    'response/warning-service',
    'duty/schedule-service',
    'duty/handover-service',
    'duty/duty-log-service',
    'duty/duty-log-day-only',
    'duty/duty-log-exports',
    'duty/duty-log-clocks',
    'duty/duty-log-acks',
    'rosters/roster-service',
    'accounts/accounts',
    'seats/seats',
    'seats/record-versions',
    'data/stats',
    'data/full-import',
    'holidays/holiday-service',
    'integrity/chain-engines',
  ].map((suite) => `test/electron/services/${suite}.test.ts`),
];
const withPostgres = Boolean(process.env.DUTY_TEST_DATABASE_URL);
/** Browser tests of several seats on one PostgreSQL database; in the chromium project, run one at a time. */
const CHROMIUM_ON_POSTGRES = ['test/browser/two-seats.test.ts'];
/**
 * Workers for the unit and PostgreSQL files: two by default; `npm test` runs them on one while the
 * browser files run beside them in a process of their own.
 */
const workers = Number(process.env.DUTY_TEST_WORKERS ?? 2);
if (!withPostgres) {
  console.warn(
    'PostgreSQL suites and the two-seat browser test not run: DUTY_TEST_DATABASE_URL is not set (npm test starts a test server).',
  );
}

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...CHROMIUM_TESTS, ...POSTGRES_ONLY],
          maxWorkers: workers,
          // Files share their worker's module cache: loading the services afresh for each of ~190
          // files took more time than their tests. Each test opens its own database and services.
          isolate: false,
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ON_BOTH_ENGINES,
                env: { DUTY_TEST_ENGINE: 'postgres' },
                // Each test also makes its database on the server; on a loaded machine that adds seconds.
                testTimeout: 60_000,
                maxWorkers: workers,
                isolate: false,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'chromium',
          include: chromiumLane === 'second' ? CHROMIUM_SECOND_LANE : CHROMIUM_TESTS,
          exclude: [
            ...(withPostgres ? [] : CHROMIUM_ON_POSTGRES),
            ...(chromiumLane === 'first' ? CHROMIUM_SECOND_LANE : []),
          ],
          fileParallelism: false,
          maxWorkers: 1,
          // A page waits for a round trip through the services; one second is too short on a busy
          // two-core machine, and a poll that does come true returns as soon as it does.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
