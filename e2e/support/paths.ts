/** The `sqlite` project's throwaway database, made by prepare.ts before its server starts. */
export const E2E_DATABASE = '.test-data/e2e.db';

/**
 * The `postgres` project's throwaway database on the test server, made by prepare.ts the same way; a
 * run on other ports (E2E_PORT) has its own, so two checkouts on one machine never reset each other's.
 */
export const E2E_POSTGRES_DATABASE = process.env.E2E_PORT ? `hcs_e2e_${process.env.E2E_PORT}` : 'hcs_e2e';

/** Where prepare.ts leaves a project's admin, token and write key for its tests (`.test-data/postgres`
 * itself holds the embedded PostgreSQL server, scripts/test-postgres.ts). */
export const credentialsFile = (project: string) => `.test-data/e2e-${project}/credentials.json`;

/** What each Playwright project tells its tests (`test.info().project.metadata`). */
export type E2eProjectMetadata = {
  /** The database its server runs on, for the CLI. */
  databaseUrl: string;
  /** Its credentials file (credentialsFile above). */
  credentials: string;
};
