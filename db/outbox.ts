import { byDialect } from './client';
import * as postgres from './postgres/outbox';
import * as sqlite from './sqlite/outbox';

// The outbox's delivery side: workers claim due invocations and alert e-mails under a lease, then
// record the attempts (many in one transaction). Events are recorded by the writes they report (the
// `events` of db/survey-responses.ts, db/transaction.ts and db/surveys.ts), in the same transaction.

export type { ClaimedAlertEmail, ClaimedInvocation, FinishedAttempt } from './outbox-rows';

export const { claimInvocations, finishInvocationAttempts, claimAlertEmails, finishAlertEmail, recordEvents } = byDialect(
  {
    claimInvocations: sqlite.claimInvocations,
    finishInvocationAttempts: sqlite.finishInvocationAttempts,
    claimAlertEmails: sqlite.claimAlertEmails,
    finishAlertEmail: sqlite.finishAlertEmail,
    recordEvents: sqlite.recordEvents,
  },
  postgres,
);
