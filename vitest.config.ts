import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Every unit test file runs twice: once per database. `sqlite` on an in-memory database per test
// file; `postgres` on a fresh database per test file (scripts/vitest-postgres-setup.ts).
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'db/**/*.test.ts'],
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'sqlite', env: { DATABASE_URL: 'file::memory:' } } },
      {
        extends: true,
        test: {
          name: 'postgres',
          globalSetup: ['scripts/vitest-postgres.ts'],
          setupFiles: ['scripts/vitest-postgres-setup.ts'],
        },
      },
    ],
  },
});
