import { eq } from 'drizzle-orm';
import { getDb } from './client';
import { settings } from './schema';

/** Reads a setting, creating it with `make()` the first time (safe when two processes race). */
export async function getOrCreateSetting({ key, make }: { key: string; make: () => string }): Promise<string> {
  const db = getDb();
  db.insert(settings).values({ key, value: make() }).onConflictDoNothing().run();
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) throw new Error(`setting ${key} missing after insert`);
  return row.value;
}
