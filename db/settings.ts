import { byDialect, databaseIdentity } from './client';
import * as postgres from './postgres/settings';
import * as sqlite from './sqlite/settings';

const dialects = byDialect(sqlite, postgres);

// A setting is written once (the first writer wins, see getOrCreateSetting) and never changed, so
// every process that has read it holds the value the database holds: keeping it is safe. Kept per
// database (databaseIdentity), so a process pointed at another one reads again.
const known = new Map<string, string>();

/** Reads a setting, creating it with `make()` the first time (safe when processes race). */
export async function getOrCreateSetting({ key, make }: { key: string; make: () => string }): Promise<string> {
  const at = `${databaseIdentity()}\n${key}`;
  let value = known.get(at);
  if (value === undefined) known.set(at, (value = await dialects.getOrCreateSetting({ key, make })));
  return value;
}
