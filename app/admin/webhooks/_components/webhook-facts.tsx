import { eventLabel } from '@/lib/admin/webhooks/labels';
import type { WebhookView } from '@/lib/admin/webhooks/webhooks';
import { UtcTime } from '../../_components/utc-time';
import { FailingNote } from './failing-note';

const authLabels = { bearer_token: 'Bearer token', basic_auth: 'Basic authentication' } as const;

export function WebhookFacts({ webhook }: { webhook: WebhookView }) {
  return (
    <dl className="webhooks-facts">
      <dt>ID</dt>
      <dd className="webhooks-endpoint">{webhook.id}</dd>
      <dt>Endpoint</dt>
      <dd className="webhooks-endpoint">POST {webhook.endpoint}</dd>
      <dt>Status</dt>
      <dd>{webhook.status}</dd>
      <dt>Events</dt>
      <dd>{webhook.subscriptions.length === 0 ? 'none' : webhook.subscriptions.map(eventLabel).join(', ')}</dd>
      <dt>Authentication</dt>
      <dd>{webhook.authentication ? authLabels[webhook.authentication] : 'none'}</dd>
      <dt>Deliveries</dt>
      <dd>
        <FailingNote failing={webhook.failing} />
      </dd>
      <dt>Created</dt>
      <dd>
        <UtcTime at={webhook.createdAt} />
      </dd>
      <dt>Updated</dt>
      <dd>
        <UtcTime at={webhook.updatedAt} />
      </dd>
    </dl>
  );
}
