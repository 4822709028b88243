import { preparedOnce, reader, serialized, writer } from './client';

const read = preparedOnce(reader, (db) => db.$client.prepare('select value from settings where key = ?').pluck());
const insert = preparedOnce(writer, (db) => db.$client.prepare('insert into settings (key, value) values (?, ?) on conflict do nothing'));

/** Reads a setting, creating it with `make()` the first time (safe when two processes race). */
export async function getOrCreateSetting({ key, make }: { key: string; make: () => string }): Promise<string> {
  const found = read().get(key) as string | undefined;
  if (found !== undefined) return found;
  // The loser of a race inserts nothing and reads the winner's value.
  await serialized(() => insert().run(key, make()));
  const made = read().get(key) as string | undefined;
  if (made === undefined) throw new Error(`setting ${key} missing after insert`);
  return made;
}
