import { pool, row } from './client';

export async function findSetting({ key }: { key: string }): Promise<string | undefined> {
  return (await row<[string]>(await pool(), 'select value from settings where key = $1', [key]))?.[0];
}

/** Writes a setting unless it exists: when two instances race, the first writer wins. */
export async function insertSettingOnce({ key, value }: { key: string; value: string }): Promise<void> {
  await row(await pool(), 'insert into settings (key, value) values ($1, $2) on conflict do nothing', [key, value]);
}
