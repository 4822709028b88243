import Link from 'next/link';
import { alertsPage } from '@/lib/admin/webhooks/alerts';
import { locales } from '@/lib/admin/webhooks/forms';
import { AdminShell } from '../../_components/admin-shell';
import { pageAdmin } from '../../_components/session';
import { RecipientForm } from '../_components/recipient-form';
import { RecipientsTable } from '../_components/recipients-table';
import '../webhooks.css';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AlertsPage({ searchParams }: Props) {
  const admin = await pageAdmin();
  const params = await searchParams;
  const page = await alertsPage({ actor: admin });
  // A notice names its address; it is shown only when the list agrees (a crafted link claims nothing).
  const address = one(params.address);
  const listed = page.recipients.some((r) => r.address === address);
  const notice = one(params.notice);
  return (
    <AdminShell admin={admin} current="/admin/webhooks" title="Alert e-mails" actions={<Link href="/admin/webhooks" prefetch={false}>All webhooks</Link>}>
      {notice === 'added' && listed && (
        <p className="admin-notice" role="status">
          {address} gets alert e-mails from now on.
        </p>
      )}
      {notice === 'removed' && address && !listed && (
        <p className="admin-notice" role="status">
          {address} gets no more alert e-mails.
        </p>
      )}
      {notice === 'not_removed' && (
        <p className="admin-error" role="alert">
          Nothing was removed: no recipient has this id (it may be removed already).
        </p>
      )}
      <p className="admin-muted">
        Each address gets a short e-mail in its language for every rated_bad event: a bad rating, or an NPS detractor.
      </p>
      {page.smtpConfigured ? (
        <p className="admin-notice">SMTP_URL is set: alert e-mails are sent as bad ratings arrive.</p>
      ) : (
        <p className="webhooks-warning-box">
          SMTP_URL is not set: alert e-mails wait and are not sent. Set it (smtp://user:pass@host:587) and restart; e-mails still inside their 24 h
          window go out then.
        </p>
      )}
      <RecipientsTable recipients={page.recipients} />
      <section className="webhooks-section" aria-labelledby="add-heading">
        <h2 id="add-heading">Add a recipient</h2>
        <RecipientForm locales={locales} />
      </section>
    </AdminShell>
  );
}
