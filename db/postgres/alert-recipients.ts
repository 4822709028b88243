import { asc, eq, sql } from 'drizzle-orm';
import type { AlertRecipientRow } from '../schema';
import { guarded, postgres } from './client';
import { alertRecipients } from './schema';

// As db/sqlite/alert-recipients.ts; addresses ordered byte by byte (collate "C"), as SQLite does.

export async function insertAlertRecipient(values: { address: string; locale: string; createdAt: number }): Promise<AlertRecipientRow> {
  const db = await postgres();
  return guarded(async () => (await db.insert(alertRecipients).values(values).returning())[0]!);
}

export async function listAlertRecipients(): Promise<AlertRecipientRow[]> {
  const db = await postgres();
  return guarded(() => db.select().from(alertRecipients).orderBy(sql`${alertRecipients.address} collate "C"`, asc(alertRecipients.id)));
}

export async function deleteAlertRecipient({ id }: { id: number }): Promise<AlertRecipientRow | undefined> {
  const db = await postgres();
  return guarded(async () => (await db.delete(alertRecipients).where(eq(alertRecipients.id, id)).returning())[0]);
}
