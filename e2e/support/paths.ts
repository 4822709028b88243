/** The suite's throwaway database, made by prepare.ts before the server starts. */
export const E2E_DATABASE = '.test-data/e2e.db';
