import { byDialect } from './client';
import * as postgres from './postgres/alert-recipients';
import * as sqlite from './sqlite/alert-recipients';

// Who gets an e-mail for each rated_bad event (lib/admin/webhooks/alerts.ts); the e-mails themselves
// are written with their event (db/outbox.ts).

export const { insertAlertRecipient, listAlertRecipients, deleteAlertRecipient } = byDialect(sqlite, postgres);
