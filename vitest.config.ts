import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Browser tests share one machine with two cores; keep them from starving each other.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
