import { byDialect } from './client';
import * as postgres from './postgres/migrations';
import * as sqlite from './sqlite/migrations';

// Which migrations exist and which the database has applied, for the readiness check. Both only read.
export const { listMigrationsInFolder, listAppliedMigrations } = byDialect(sqlite, postgres);
