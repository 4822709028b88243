import type { WebhookView } from '@/lib/admin/webhooks/webhooks';
import { setStatusAction } from '../actions';

/** Activate or deactivate: a plain form (it works without JavaScript) that redirects back. */
export function StatusForm({ webhook, back }: { webhook: Pick<WebhookView, 'id' | 'name' | 'status'>; back: 'list' | 'page' }) {
  const next = webhook.status === 'active' ? 'inactive' : 'active';
  const verb = next === 'active' ? 'Activate' : 'Deactivate';
  return (
    <form action={setStatusAction} className="webhooks-inline-form">
      <input type="hidden" name="id" value={webhook.id} />
      <input type="hidden" name="status" value={next} />
      <input type="hidden" name="back" value={back} />
      <button className="admin-button admin-button-quiet" type="submit" aria-label={`${verb} ${webhook.name}`}>
        {verb}
      </button>
    </form>
  );
}
