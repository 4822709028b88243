// Runs before each unit test file of the `postgres` project, ahead of the file's own imports: a fresh
// database of its own on the run's server (scripts/vitest-postgres.ts), dropped after the file (or, if
// the file runs no hooks, at the end of the run).
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createDatabase, dropDatabase } from '@/db/postgres/databases';

const adminUrl = inject('postgresAdminUrl');
const name = `${inject('postgresDatabasePrefix')}${randomBytes(6).toString('hex')}`;
const before = process.env.DATABASE_URL;
process.env.DATABASE_URL = await createDatabase(adminUrl, name);

afterAll(async () => {
  const { closeDb } = await import('@/db/client');
  await closeDb();
  process.env.DATABASE_URL = before;
  await dropDatabase(adminUrl, name);
});
