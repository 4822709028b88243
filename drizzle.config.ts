import { defineConfig } from 'drizzle-kit';

// SQLite migrations; PostgreSQL's are made with `npm run db:generate:postgres` (drizzle.postgres.config.ts).
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/sqlite/schema.ts',
  out: './db/sqlite/migrations',
});
