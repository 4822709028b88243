import Link from 'next/link';
import { webhooksPage } from '@/lib/admin/webhooks/webhooks';
import { AdminShell } from '../_components/admin-shell';
import { pageAdmin } from '../_components/session';
import { DeleteConfirm } from './_components/delete-confirm';
import { Notice } from './_components/notice';
import { WebhookForm } from './_components/webhook-form';
import { WebhooksTable } from './_components/webhooks-table';
import './webhooks.css';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const notices = new Map([
  ['deleted', { text: 'Webhook deleted: nothing more is sent to it.' }],
  ['not_deleted', { text: 'Nothing was deleted: no webhook has this id (it may be deleted already).', error: true }],
  ['activated', { text: 'Webhook activated.' }],
  ['deactivated', { text: 'Webhook deactivated: events are not sent to it until it is activated again.' }],
  ['missing', { text: 'No webhook has this id: it may have been deleted.', error: true }],
]);

// Newest first, 50 a page: ?after=<id> goes to older webhooks, ?before=<id> back to newer ones.
export default async function WebhooksPage({ searchParams }: Props) {
  const admin = await pageAdmin();
  const params = await searchParams;
  const after = one(params.after);
  const before = after === undefined ? one(params.before) : undefined;
  const page = await webhooksPage({ actor: admin, ...(after && { after }), ...(before && { before }), ...(params.delete !== undefined && { confirmDelete: one(params.delete) ?? '' }) });
  const alerts = (
    <Link href="/admin/webhooks/alerts" prefetch={false}>
      Alert e-mails
    </Link>
  );
  return (
    <AdminShell admin={admin} current="/admin/webhooks" title="Webhooks" actions={alerts}>
      <Notice name={one(params.notice)} notices={notices} />
      {page.confirmMissing && (
        <p className="admin-error" role="alert">
          No webhook matches this link (it may be deleted already). The list below shows every webhook.
        </p>
      )}
      {page.confirm && <DeleteConfirm webhook={page.confirm} />}
      <p className="admin-muted">
        Webhooks receive survey events as signed POST requests in Zendesk’s event format. Select a name for its settings, signing secret, test
        send and delivery log.
      </p>
      <WebhooksTable webhooks={page.webhooks} />
      <nav className="webhooks-pages" aria-label="Pages of webhooks">
        {page.previousBefore !== undefined && (
          <Link href={`/admin/webhooks?before=${page.previousBefore}`} prefetch={false}>
            ← Newer
          </Link>
        )}
        {page.nextAfter !== undefined && (
          <Link href={`/admin/webhooks?after=${page.nextAfter}`} prefetch={false}>
            Older →
          </Link>
        )}
      </nav>
      <section className="webhooks-section" aria-labelledby="create-heading">
        <h2 id="create-heading">Create a webhook</h2>
        <WebhookForm />
      </section>
    </AdminShell>
  );
}
