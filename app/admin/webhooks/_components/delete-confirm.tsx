import Link from 'next/link';
import type { WebhookView } from '@/lib/admin/webhooks/webhooks';
import { deleteWebhookAction } from '../actions';

/** The confirm step of a deletion: a plain form (it works without JavaScript) or a way back. */
export function DeleteConfirm({ webhook }: { webhook: WebhookView }) {
  return (
    <section id="confirm" className="webhooks-confirm" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">Delete the webhook “{webhook.name}”?</h2>
      <p>
        Nothing more is sent to <span className="webhooks-endpoint">{webhook.endpoint}</span>, and its invocation log goes with it. This cannot be
        undone; to pause deliveries, deactivate it instead.
      </p>
      <form action={deleteWebhookAction} className="webhooks-confirm-actions">
        <input type="hidden" name="id" value={webhook.id} />
        <input type="hidden" name="confirm" value="yes" />
        <button className="admin-button webhooks-danger" type="submit">
          Delete {webhook.name}
        </button>
        <Link href="/admin/webhooks">Cancel</Link>
      </form>
    </section>
  );
}
