// Vitest globalSetup of the `postgres` project: the server each unit test file makes its own database on
// (scripts/vitest-postgres-setup.ts). `npm test` passes its server in TEST_POSTGRES_ADMIN_URL; run
// directly, vitest uses TEST_POSTGRES_URL or starts an embedded PostgreSQL for the run.
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { dropDatabasesStartingWith } from '../db/postgres/databases';
import { startTestPostgres } from './test-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    /** Every database of this run starts with it. */
    postgresDatabasePrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TEST_POSTGRES_ADMIN_URL;
  const server = given ? { adminUrl: given, stop: async () => {} } : await startTestPostgres();
  const prefix = `hcs_unit_${randomBytes(4).toString('hex')}_`;
  project.provide('postgresAdminUrl', server.adminUrl);
  project.provide('postgresDatabasePrefix', prefix);
  return async () => {
    // A file's afterAll drops its database, but vitest runs no hooks in a file whose tests were all
    // skipped, and a crashed worker runs none at all.
    try {
      await dropDatabasesStartingWith(server.adminUrl, prefix);
    } finally {
      await server.stop();
    }
  };
}
