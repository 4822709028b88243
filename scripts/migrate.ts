// `npm run db:migrate`: opening the database applies any pending migration.
import { closeDb, databasePath, getDb } from '@/db/client';

getDb();
closeDb();
console.log(`Migrated ${databasePath()}`);
