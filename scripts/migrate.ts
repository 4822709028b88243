// `npm run db:migrate [-- --vacuum]`: opening the database applies any pending migration; --vacuum
// then rewrites the file in key order (see vacuumDb).
import { parseArgs } from 'node:util';
import { closeDb, databasePath, getDb, vacuumDb } from '@/db/client';

const { values } = parseArgs({ options: { vacuum: { type: 'boolean', default: false } } });
getDb();
if (values.vacuum) vacuumDb();
closeDb();
console.log(`Migrated${values.vacuum ? ' and vacuumed' : ''} ${databasePath()}`);
