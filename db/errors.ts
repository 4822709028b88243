import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';

/** A write that broke a unique constraint; callers decide what it means for their resource. */
export class UniqueViolation extends Error {
  constructor(cause: unknown) {
    super('unique constraint violated', { cause });
    this.name = 'UniqueViolation';
  }
}

/** A write naming a row that does not exist (a foreign key); callers say which field named it. */
export class ForeignKeyViolation extends Error {
  constructor(cause: unknown) {
    super('foreign key constraint violated', { cause });
    this.name = 'ForeignKeyViolation';
  }
}

/**
 * A value the database refused as data (SQLSTATE class 22: a number out of range, a NUL character in
 * text): the request's input, so a 400, never a 500. The boundary's schemas catch most of these first.
 */
export class InvalidValue extends Error {
  constructor(cause: unknown) {
    super('the database refused a value', { cause });
    this.name = 'InvalidValue';
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
// intervention (shutdown, starting up), 40 a deadlock or serialization failure that outlived its
// retries (postgresTransaction); and the network errors of the socket itself.
const unavailableState = (code: string) => /^(08|53|57P|40)/.test(code);
const NETWORK = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH'];

/** Translates driver errors by their code or class (never by message text). */
export function translate(error: unknown): unknown {
  if (error instanceof UniqueViolation || error instanceof ForeignKeyViolation || error instanceof DatabaseUnavailable || error instanceof InvalidValue) return error;
  const code = codeOf(error);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') return new UniqueViolation(error);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return new ForeignKeyViolation(error);
  if (code !== undefined && (SQLITE_UNAVAILABLE.some((c) => code.startsWith(c)) || NETWORK.includes(code))) return new DatabaseUnavailable(error);
  if (error instanceof pg.DatabaseError && code !== undefined) {
    if (unavailableState(code)) return new DatabaseUnavailable(error);
    if (code.startsWith('22')) return new InvalidValue(error);
  }
  return error;
}

/**
 * For errors out of node-postgres: it reports a lost or refused connection, and a pool that cannot
 * connect in time, as plain Errors without a code. A TypeError or RangeError is a bug of ours.
 */
export function translatePostgres(error: unknown): unknown {
  // The query builder wraps the driver's error in its own.
  const driver = error instanceof DrizzleQueryError && error.cause !== undefined ? error.cause : error;
  if (driver instanceof Error && driver.constructor === Error && codeOf(driver) === undefined) return new DatabaseUnavailable(driver);
  return translate(driver);
}

/** A deadlock or serialization failure: the transaction was rolled back and may simply run again. */
export function isRetryable(error: unknown): boolean {
  const code = codeOf(error instanceof DatabaseUnavailable ? error.cause : error);
  return code === '40P01' || code === '40001';
}
