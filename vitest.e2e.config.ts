import { defineConfig } from 'vitest/config';

// Chromium against serve mode. One file at a time: two cores cannot run browsers in parallel well.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
