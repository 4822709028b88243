import { byDialect } from './client';
import * as postgres from './postgres/admin-webhooks';
import * as sqlite from './sqlite/admin-webhooks';

// What the admin view's webhook page reads beyond the Webhooks API (db/webhooks.ts): the invocation
// log with each event's type and subject, and the attempts of a whole page of invocations at once.

export type { LoggedInvocation, InvocationLogQuery } from './sqlite/admin-webhooks';

export const { listInvocationLog, listAttemptsOf } = byDialect(sqlite, postgres);
