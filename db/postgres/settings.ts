import { pool, row } from './client';

/** Reads a setting, creating it with `make()` the first time (safe when two instances race). */
export async function getOrCreateSetting({ key, make }: { key: string; make: () => string }): Promise<string> {
  const on = await pool();
  const found = await row<[string]>(on, 'select value from settings where key = $1', [key]);
  if (found) return found[0];
  // The loser of a race inserts nothing and reads the winner's value.
  await row(on, 'insert into settings (key, value) values ($1, $2) on conflict do nothing', [key, make()]);
  const made = await row<[string]>(on, 'select value from settings where key = $1', [key]);
  if (!made) throw new Error(`setting ${key} missing after insert`);
  return made[0];
}
