import { deleteAlertRecipient, insertAlertRecipient, listAlertRecipients } from '@/db/alert-recipients';
import { UniqueViolation } from '@/db/errors';
import type { Actor } from '../../auth/credentials';
import type { Locale } from '../../i18n/locales';
import { requireAdmin } from '../../users/users';
import { smtpConfigured } from '../../webhooks/alerts';
import { FormRefusal } from '../forms';

// The addresses that get an e-mail for every rated_bad event, each in its language. Sending needs
// SMTP_URL: without it the e-mails wait in the outbox (for up to 24 h), so the page says so.

export interface AlertRecipientView {
  id: number;
  address: string;
  locale: string;
  createdAt: number;
}

export async function alertsPage({ actor }: { actor: Actor }) {
  requireAdmin(actor);
  const rows = await listAlertRecipients();
  return {
    recipients: rows.map(({ id, address, locale, createdAt }): AlertRecipientView => ({ id, address, locale, createdAt })),
    smtpConfigured: smtpConfigured(),
  };
}

/** Addresses are kept lower-case (the email schema does so): one recipient per mailbox. */
export async function addAlertRecipient({ actor, address, locale }: { actor: Actor; address: string; locale: Locale }): Promise<AlertRecipientView> {
  requireAdmin(actor);
  try {
    const { id, createdAt } = await insertAlertRecipient({ address, locale, createdAt: Date.now() });
    return { id, address, locale, createdAt };
  } catch (error) {
    if (error instanceof UniqueViolation) throw new FormRefusal('This address gets alerts already.', 'address');
    throw error;
  }
}

/** Later alerts skip it; e-mails already written for it are still sent. */
export async function removeAlertRecipient({ actor, id }: { actor: Actor; id: number }): Promise<AlertRecipientView> {
  requireAdmin(actor);
  const row = await deleteAlertRecipient({ id });
  if (!row) throw new FormRefusal('No alert recipient has this id: it may be removed already.');
  return { id: row.id, address: row.address, locale: row.locale, createdAt: row.createdAt };
}
