import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit, database, API, component and main-process tests. E2E runs with vitest.e2e.config.ts.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
