import { eq } from 'drizzle-orm';
import { getDb, type Db } from './client';
import { settings } from './schema';

// Settings never change once made, so each connection keeps what it has read.
const cache = new WeakMap<Db, Map<string, string>>();

/** Reads a setting, creating it with `make()` the first time (safe when two processes race). */
export async function getOrCreateSetting({ key, make }: { key: string; make: () => string }): Promise<string> {
  const db = getDb();
  let known = cache.get(db);
  if (!known) cache.set(db, (known = new Map()));
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  db.insert(settings).values({ key, value: make() }).onConflictDoNothing().run();
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) throw new Error(`setting ${key} missing after insert`);
  known.set(key, row.value);
  return row.value;
}
