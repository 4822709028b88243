import { asc, eq } from 'drizzle-orm';
import type { AlertRecipientRow } from '../schema';
import { reader, serialized, writer } from './client';
import { alertRecipients } from './schema';

/** A new recipient; an address already named throws UniqueViolation (db/errors.ts). */
export async function insertAlertRecipient(values: { address: string; locale: string; createdAt: number }): Promise<AlertRecipientRow> {
  return serialized(() => writer().insert(alertRecipients).values(values).returning().get());
}

/** Every recipient, by address (a handful: each one gets every alert). */
export async function listAlertRecipients(): Promise<AlertRecipientRow[]> {
  return reader().select().from(alertRecipients).orderBy(asc(alertRecipients.address), asc(alertRecipients.id)).all();
}

/** The removed recipient, or undefined when none has that id. */
export async function deleteAlertRecipient({ id }: { id: number }): Promise<AlertRecipientRow | undefined> {
  return serialized(() => writer().delete(alertRecipients).where(eq(alertRecipients.id, id)).returning().get());
}
