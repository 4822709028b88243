/** A write that broke a unique constraint; callers decide what it means for their resource. */
export class UniqueViolation extends Error {
  constructor(cause: unknown) {
    super('unique constraint violated', { cause });
    this.name = 'UniqueViolation';
  }
}

/** A write refused inside its transaction because the row no longer allows it. */
export class WriteRefused extends Error {
  constructor(readonly reason: 'disabled' | 'expired') {
    super(`write refused: ${reason}`);
    this.name = 'WriteRefused';
  }
}

function sqliteCode(error: unknown): string | undefined {
  // drizzle may wrap the driver's error; look one level down too.
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  }
  return undefined;
}

/** Translates driver errors by their code (never by message text). */
export function translate(error: unknown): unknown {
  const code = sqliteCode(error);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new UniqueViolation(error);
  return error;
}
