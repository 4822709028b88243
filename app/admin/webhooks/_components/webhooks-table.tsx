import Link from 'next/link';
import { eventLabel } from '@/lib/admin/webhooks/labels';
import type { WebhookView } from '@/lib/admin/webhooks/webhooks';
import { TableHead } from '../../_components/table-head';
import { TableScroll } from '../../_components/table-scroll';
import { FailingNote } from './failing-note';
import { StatusForm } from './status-form';

export function WebhooksTable({ webhooks }: { webhooks: WebhookView[] }) {
  if (webhooks.length === 0) return <p className="admin-muted">No webhooks on this page.</p>;
  return (
    <TableScroll label="Webhooks">
      <table className="admin-table webhooks-table">
        <caption className="admin-caption">Webhooks, newest first</caption>
        <TableHead columns={['Name', 'Endpoint', 'Status', 'Events', 'Deliveries', 'Actions']} />
        <tbody>
          {webhooks.map((w) => (
            <tr key={w.id}>
              <th scope="row">
                <Link href={`/admin/webhooks/${w.id}`} prefetch={false}>
                  {w.name}
                </Link>
              </th>
              <td className="webhooks-endpoint">{w.endpoint}</td>
              <td>{w.status}</td>
              <td>
                {w.subscriptions.length === 0 ? (
                  <span className="admin-muted">none</span>
                ) : (
                  <ul className="webhooks-events">
                    {w.subscriptions.map((s) => (
                      <li key={s}>{eventLabel(s)}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <FailingNote failing={w.failing} />
              </td>
              <td>
                <div className="webhooks-actions">
                  <StatusForm webhook={w} back="list" />
                  <Link href={`/admin/webhooks?delete=${w.id}#confirm`} prefetch={false} aria-label={`Delete ${w.name}`}>
                    Delete…
                  </Link>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
