import { defineConfig } from 'vitest/config';

// Files that drive Chromium run one at a time: two browsers on a two-core machine starve each other.
const CHROMIUM_TESTS = [
  'test/browser/**/*.test.ts',
  'test/shared/forms/pdf.test.ts',
  'test/shared/forms/report-chain-pdf.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: CHROMIUM_TESTS, maxWorkers: 2 },
      },
      {
        extends: true,
        test: { name: 'chromium', include: CHROMIUM_TESTS, fileParallelism: false, maxWorkers: 1 },
      },
    ],
  },
});
