import { listAppliedMigrations, listMigrationsInFolder } from '@/db/migrations';
import { ApiError, isUnavailable, UNAVAILABLE_RETRY_AFTER_S } from '../errors';
import { logger } from './log';

// Readiness: the database answers a query and has every migration this version ships. Only reads
// (the server applied the migrations at start; on PostgreSQL a pool that could not connect then
// connects, and migrates, on its first use, as for any request).

const notReady = (detail: string) =>
  new ApiError('ServiceUnavailable', [{ title: 'Service unavailable', detail }], { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S) });

/** Resolves when ready; otherwise throws a 503 saying why (the cause of a failure goes to the log). */
export async function checkReadiness({ requestId }: { requestId?: string } = {}): Promise<void> {
  let missing: number;
  try {
    const applied = new Set(await listAppliedMigrations());
    missing = (await listMigrationsInFolder()).filter((at) => !applied.has(at)).length;
  } catch (error) {
    const cause = isUnavailable(error) && error instanceof Error ? error.cause : error;
    logger().warn({ request_id: requestId, err: cause }, 'not ready: the database did not answer');
    throw notReady('The database cannot be reached; try again shortly');
  }
  if (missing > 0) throw notReady(`The database lacks ${missing} migration(s) of this version`);
}
