import { pool, row, run } from './client';

export async function findFailures({ kind, client }: { kind: string; client: string }) {
  const found = await row<[number, string]>(await pool(), 'select failures, window_start from failed_credentials where kind = $1 and client = $2', [kind, client]);
  return found && { failures: found[0], windowStart: Number(found[1]) };
}

// A window that started at or before `expired` ($4) is over: the count starts again at 1.
export async function countFailure({ kind, client, now, windowMs }: { kind: string; client: string; now: number; windowMs: number }) {
  const [failures, windowStart] = (await row<[number, string]>(
    await pool(),
    `insert into failed_credentials (kind, client, window_start, failures) values ($1, $2, $3, 1)
     on conflict (kind, client) do update set
       failures = case when failed_credentials.window_start <= $4 then 1 else failed_credentials.failures + 1 end,
       window_start = case when failed_credentials.window_start <= $4 then $3 else failed_credentials.window_start end
     returning failures, window_start`,
    [kind, client, now, now - windowMs],
  ))!;
  return { failures, windowStart: Number(windowStart) };
}

export async function forgetFailures({ kind, client }: { kind: string; client: string }): Promise<void> {
  await run(await pool(), 'delete from failed_credentials where kind = $1 and client = $2', [kind, client]);
}

export async function pruneFailures({ before }: { before: number }): Promise<void> {
  await run(await pool(), 'delete from failed_credentials where window_start < $1', [before]);
}
