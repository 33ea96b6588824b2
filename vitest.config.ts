import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src-shared') } },
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/server/**/*.test.ts',
      'tests/sync/**/*.test.ts',
    ],
    // A throwaway PostgreSQL cluster: the server suite runs on SQLite and on PostgreSQL.
    globalSetup: ['tests/server/pg-global-setup.ts'],
    setupFiles: ['tests/support/remove-temp-dirs.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
