// `npm run db:migrate [-- --vacuum]`: applies any pending migration; on SQLite --vacuum then rewrites
// the file in key order (see vacuumDb).
import { parseArgs } from 'node:util';
import { closeDb, databaseUrl, isPostgres, migrateDb, vacuumDb } from '@/db/client';

const { values } = parseArgs({ options: { vacuum: { type: 'boolean', default: false } } });
await migrateDb();
if (values.vacuum) vacuumDb();
await closeDb();
// The URL without its password.
const shown = isPostgres() ? databaseUrl().replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@') : databaseUrl();
console.log(`Migrated${values.vacuum && !isPostgres() ? ' and vacuumed' : ''} ${shown}`);
