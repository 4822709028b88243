import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.test-data/**', '.bench-data/**', 'next-env.d.ts']),
  {
    // The layers run one way: app/ → lib/ → db/. Only db/ touches the driver.
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/db/*', '**/db/*', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'], message: 'app/ calls lib/, never db/ or the driver.' }] },
      ],
    },
  },
  {
    files: ['lib/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'], message: 'Only db/ talks to the driver.' }] },
      ],
    },
  },
]);
