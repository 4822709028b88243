import { byDialect } from './client';
import * as postgres from './postgres/idempotency';
import * as sqlite from './sqlite/idempotency';

export const { findIdempotencyRecord } = byDialect(sqlite, postgres);
