import { preparedOnce, reader, serialized, writer } from './client';

const read = preparedOnce(reader, (db) => db.$client.prepare('select value from settings where key = ?').pluck());
const insert = preparedOnce(writer, (db) => db.$client.prepare('insert into settings (key, value) values (?, ?) on conflict do nothing'));

export async function findSetting({ key }: { key: string }): Promise<string | undefined> {
  return read().get(key) as string | undefined;
}

/** Writes a setting unless it exists: when two processes race, the first writer wins. */
export async function insertSettingOnce({ key, value }: { key: string; value: string }): Promise<void> {
  await serialized(() => insert().run(key, value));
}
