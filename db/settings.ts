import { byDialect, databaseIdentity } from './client';
import * as postgres from './postgres/settings';
import * as sqlite from './sqlite/settings';

const dialects = byDialect(sqlite, postgres);

// A setting is written once, at start (ensureSetting), and never changed, so every process that has
// read it holds the value the database holds: keeping it is safe. Kept per database
// (databaseIdentity), so a process pointed at another one reads again. Reading never writes.
const known = new Map<string, string>();

export async function readSetting({ key }: { key: string }): Promise<string | undefined> {
  const at = `${databaseIdentity()}\n${key}`;
  let value = known.get(at);
  if (value === undefined) {
    value = await dialects.findSetting({ key });
    if (value !== undefined) known.set(at, value);
  }
  return value;
}

/** Makes a setting with `make()` unless it exists (safe when processes race); for the start only. */
export async function ensureSetting({ key, make }: { key: string; make: () => string }): Promise<void> {
  if ((await dialects.findSetting({ key })) === undefined) await dialects.insertSettingOnce({ key, value: make() });
}
