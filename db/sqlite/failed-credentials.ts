import { preparedOnce, reader, serialized, writer } from './client';

const read = preparedOnce(reader, (db) =>
  db.$client.prepare('select failures, window_start from failed_credentials where kind = ? and client = ?').raw(true),
);

// A window that started at or before `expired` is over: the count starts again at 1.
const count = preparedOnce(writer, (db) =>
  db.$client
    .prepare(
      `insert into failed_credentials (kind, client, window_start, failures) values (@kind, @client, @now, 1)
       on conflict (kind, client) do update set
         failures = case when window_start <= @expired then 1 else failures + 1 end,
         window_start = case when window_start <= @expired then @now else window_start end
       returning failures, window_start`,
    )
    .raw(true),
);

const forget = preparedOnce(writer, (db) => db.$client.prepare('delete from failed_credentials where kind = ? and client = ?'));
const prune = preparedOnce(writer, (db) => db.$client.prepare('delete from failed_credentials where window_start < ?'));

export async function findFailures({ kind, client }: { kind: string; client: string }) {
  const found = read().get(kind, client) as [number, number] | undefined;
  return found && { failures: found[0], windowStart: found[1] };
}

export async function countFailure({ kind, client, now, windowMs }: { kind: string; client: string; now: number; windowMs: number }) {
  return serialized(() => {
    const [failures, windowStart] = count().get({ kind, client, now, expired: now - windowMs }) as [number, number];
    return { failures, windowStart };
  });
}

export async function forgetFailures({ kind, client }: { kind: string; client: string }): Promise<void> {
  await serialized(() => forget().run(kind, client));
}

export async function pruneFailures({ before }: { before: number }): Promise<void> {
  await serialized(() => prune().run(before));
}
