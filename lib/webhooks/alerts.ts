import { createTranslator } from 'next-intl';
import nodemailer, { type Transporter } from 'nodemailer';
import type { ClaimedAlertEmail } from '@/db/outbox';
import { env } from '../env';
import { displayLocale } from '../i18n/locales';
import { messagesFor } from '../i18n/messages';

// Alert e-mails for rated_bad, through SMTP_URL (nodemailer). Each is written to alert_emails with its
// event, in the same transaction as the answer, and delivered by the same loop as webhooks
// (delivery.ts). Without SMTP_URL they wait: set it, and what is still inside the window goes out.

export const smtpConfigured = () => env().SMTP_URL !== undefined;

let transport: { url: string; transporter: Transporter } | undefined;

function transporter(): Transporter {
  const url = env().SMTP_URL!;
  if (transport?.url !== url) {
    const options = new URL(url);
    transport = {
      url,
      transporter: nodemailer.createTransport({
        host: options.hostname,
        port: options.port ? Number(options.port) : undefined,
        secure: options.protocol === 'smtps:',
        auth: options.username ? { user: decodeURIComponent(options.username), pass: decodeURIComponent(options.password) } : undefined,
        // A server that does not answer fails the attempt (retried later) instead of holding the loop.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return transport.transporter;
}

interface WireAnswer {
  type: string;
  rating?: number;
  value?: string;
}

/** The e-mail for one rated_bad event, in the recipient's locale: subject and plain text. */
export function alertMessage(email: Pick<ClaimedAlertEmail, 'locale' | 'body'>, publicUrl = env().PUBLIC_URL) {
  const locale = displayLocale(email.locale);
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: 'AlertEmail' });
  const event = JSON.parse(email.body) as { detail: { id: string; subject_zrns: string[]; answers: WireAnswer[] }; event: { rating: number | null } };
  const { detail } = event;
  const rating = String(event.event.rating ?? detail.answers.find((a) => a.type === 'rating_scale')?.rating ?? '');
  const comment = detail.answers.find((a) => a.type === 'open_ended' && (a.value ?? '').trim() !== '')?.value;
  const about = detail.subject_zrns.length > 0 ? detail.subject_zrns.join(', ') : t('noSubject', { id: detail.id });
  const link = publicUrl && `${publicUrl.replace(/\/$/, '')}/admin/survey_responses/${detail.id}`;
  const text = [
    t('intro'),
    '',
    t('rating', { rating }),
    comment === undefined ? t('noComment') : t('comment', { comment }),
    t('about', { about }),
    link ? t('open', { link }) : t('id', { id: detail.id }),
    '',
    '-- ',
    t('footer'),
  ].join('\n');
  return { subject: t('subject', { rating, about }), text };
}

/** Sends one alert; undefined when the server took it, else what went wrong (permanent: refused with a 5xx). */
export async function sendAlertEmail(email: ClaimedAlertEmail): Promise<{ message: string; permanent: boolean } | undefined> {
  try {
    const { subject, text } = alertMessage(email);
    await transporter().sendMail({ from: env().SMTP_FROM, to: email.address, subject, text, headers: { 'X-Event-Id': email.eventId } });
    return undefined;
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    return { message: error instanceof Error ? error.message : String(error), permanent: code !== undefined && code >= 500 };
  }
}
