import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder, reader } from './client';

// drizzle-kit's migrator records each applied migration in __drizzle_migrations, with the
// migration's journal timestamp as created_at.

/** The journal timestamps of the migrations in the folder this process migrates from. */
export async function listMigrationsInFolder(): Promise<number[]> {
  return readMigrationFiles({ migrationsFolder: migrationsFolder() }).map((m) => m.folderMillis);
}

/** The journal timestamps of the migrations applied to the database; none when it has no record yet. */
export async function listAppliedMigrations(): Promise<number[]> {
  const db = reader().$client;
  const recorded = db.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").pluck().get();
  if (recorded === undefined) return [];
  return (db.prepare('select created_at from __drizzle_migrations').pluck().all() as (number | string)[]).map(Number);
}
