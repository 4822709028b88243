import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder, pool, row, rows } from './client';

// drizzle-kit's migrator records each applied migration in drizzle.__drizzle_migrations, with the
// migration's journal timestamp as created_at.

/** The journal timestamps of the migrations in the folder this process migrates from. */
export async function listMigrationsInFolder(): Promise<number[]> {
  return readMigrationFiles({ migrationsFolder: migrationsFolder() }).map((m) => m.folderMillis);
}

/** The journal timestamps of the migrations applied to the database; none when it has no record yet. */
export async function listAppliedMigrations(): Promise<number[]> {
  const on = await pool();
  const recorded = await row<[string | null]>(on, "select to_regclass('drizzle.__drizzle_migrations')::text");
  if (!recorded?.[0]) return [];
  return (await rows<[number | string]>(on, 'select created_at from drizzle.__drizzle_migrations')).map(([at]) => Number(at));
}
