import Link from 'next/link';
import { logPageQuery } from '@/lib/admin/webhooks/forms';
import { invocationLog } from '@/lib/admin/webhooks/log';
import { findWebhookView } from '@/lib/admin/webhooks/webhooks';
import { AdminShell } from '../../_components/admin-shell';
import { pageAdmin } from '../../_components/session';
import { InvocationLog } from '../_components/invocation-log';
import { Notice } from '../_components/notice';
import { SecretForms } from '../_components/secret-forms';
import { StatusForm } from '../_components/status-form';
import { TestForm } from '../_components/test-form';
import { WebhookFacts } from '../_components/webhook-facts';
import { WebhookForm } from '../_components/webhook-form';
import '../webhooks.css';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices = new Map([
  ['created', { text: 'Webhook created. Reveal its signing secret below for the receiver, or send a test.' }],
  ['saved', { text: 'Webhook saved.' }],
  ['activated', { text: 'Webhook activated.' }],
  ['deactivated', { text: 'Webhook deactivated: events are not sent to it until it is activated again.' }],
  ['replayed', { text: 'Replayed: a new invocation of the same event is at the top of the log and is sent within seconds.' }],
  ['not_replayed', { text: 'Nothing was replayed: this webhook has no such invocation.', error: true }],
]);

export default async function WebhookPage({ params, searchParams }: Props) {
  const admin = await pageAdmin();
  const { id } = await params;
  const query = await searchParams;
  const webhook = await findWebhookView({ actor: admin, id });
  if (!webhook) {
    return (
      <AdminShell admin={admin} current="/admin/webhooks" title="Webhook not found">
        <p className="admin-error">
          No webhook has this id. <Link href="/admin/webhooks">Back to webhooks</Link>
        </p>
      </AdminShell>
    );
  }
  const pageQuery = logPageQuery.safeParse(query);
  const log = await invocationLog({ actor: admin, webhookId: webhook.id, ...(pageQuery.success ? pageQuery.data : {}) });
  const base = `/admin/webhooks/${webhook.id}`;
  // Keys the one-time forms by the page's query: a secret or a test's answer goes with the next page.
  const view = JSON.stringify(query);
  return (
    <AdminShell admin={admin} current="/admin/webhooks" title={webhook.name} actions={<Link href="/admin/webhooks" prefetch={false}>All webhooks</Link>}>
      <Notice name={typeof query.notice === 'string' ? query.notice : undefined} notices={notices} />
      <WebhookFacts webhook={webhook} />
      <div className="webhooks-actions">
        <StatusForm webhook={webhook} back="page" />
        <Link href={`/admin/webhooks?delete=${webhook.id}#confirm`} prefetch={false}>
          Delete…
        </Link>
      </div>
      <section className="webhooks-section" aria-labelledby="secret-heading">
        <h2 id="secret-heading">Signing secret</h2>
        <p className="admin-muted">Receivers check x-zendesk-webhook-signature with it: base64(HMAC-SHA256(secret, timestamp + body)).</p>
        <SecretForms key={view} id={webhook.id} />
      </section>
      <section className="webhooks-section" aria-labelledby="test-heading">
        <h2 id="test-heading">Test</h2>
        <p className="admin-muted">Sends {'{}'} to the endpoint now, signed with this webhook’s secret and credentials; not retried, not in the log.</p>
        <TestForm key={view} id={webhook.id} />
      </section>
      <section className="webhooks-section" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        <WebhookForm current={webhook} />
      </section>
      <section id="log" className="webhooks-section" aria-labelledby="log-heading">
        <h2 id="log-heading">Invocation log</h2>
        <p className="admin-muted">One invocation per event sent to this webhook, newest first, with every attempt. Times in UTC.</p>
        {!pageQuery.success && (
          <p className="admin-error" role="alert">
            This page link is not valid: showing the newest invocations.
          </p>
        )}
        <InvocationLog webhookId={webhook.id} invocations={log.invocations} />
        <nav className="webhooks-pages" aria-label="Pages of the invocation log">
          {log.previousBefore !== undefined && (
            <Link href={`${base}?before=${log.previousBefore}#log`} prefetch={false}>
              ← Newer
            </Link>
          )}
          {log.nextAfter !== undefined && (
            <Link href={`${base}?after=${log.nextAfter}#log`} prefetch={false}>
              Older →
            </Link>
          )}
        </nav>
      </section>
    </AdminShell>
  );
}
