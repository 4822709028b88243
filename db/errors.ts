import pg from 'pg';

/** A write that broke a unique constraint; callers decide what it means for their resource. */
export class UniqueViolation extends Error {
  constructor(cause: unknown) {
    super('unique constraint violated', { cause });
    this.name = 'UniqueViolation';
  }
}

/** The database cannot be reached or is not accepting work now: a 503, never the client's fault. */
export class DatabaseUnavailable extends Error {
  constructor(cause: unknown) {
    super('the database is unavailable', { cause });
    this.name = 'DatabaseUnavailable';
  }
}

function codeOf(error: unknown): string | undefined {
  // drizzle may wrap the driver's error; look one level down too.
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

// SQLite: locked by another process past the busy timeout, or the file cannot be read or opened.
const SQLITE_UNAVAILABLE = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_READONLY'];
// PostgreSQL SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P operator
// intervention (shutdown, starting up); and the network errors of the socket itself.
const unavailableState = (code: string) => code.startsWith('08') || code.startsWith('53') || code.startsWith('57P');
const NETWORK = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH'];

/** Translates driver errors by their code or class (never by message text). */
export function translate(error: unknown): unknown {
  if (error instanceof UniqueViolation || error instanceof DatabaseUnavailable) return error;
  const code = codeOf(error);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') return new UniqueViolation(error);
  if (code !== undefined && (SQLITE_UNAVAILABLE.some((c) => code.startsWith(c)) || NETWORK.includes(code))) return new DatabaseUnavailable(error);
  if (error instanceof pg.DatabaseError) return code !== undefined && unavailableState(code) ? new DatabaseUnavailable(error) : error;
  return error;
}

/**
 * For errors out of node-postgres: it reports a lost or refused connection, and a pool that cannot
 * connect in time, as plain Errors without a code. A TypeError or RangeError is a bug of ours.
 */
export function translatePostgres(error: unknown): unknown {
  if (error instanceof Error && error.constructor === Error && codeOf(error) === undefined) return new DatabaseUnavailable(error);
  return translate(error);
}
