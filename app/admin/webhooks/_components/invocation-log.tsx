import type { InvocationView } from '@/lib/admin/webhooks/log';
import { eventLabel } from '@/lib/admin/webhooks/labels';
import { TableHead } from '../../_components/table-head';
import { TableScroll } from '../../_components/table-scroll';
import { UtcTime } from '../../_components/utc-time';
import { replayAction } from '../actions';

// Each invocation (one event for this webhook) with its attempts. Answers are shown as text: React
// escapes them, so an endpoint's HTML is never rendered here.

function Attempts({ invocation }: { invocation: InvocationView }) {
  if (invocation.attempts.length === 0) return <p className="admin-muted">No attempt yet{invocation.status === 'pending' && <> (due <UtcTime at={invocation.nextAttemptAt} seconds />)</>}.</p>;
  return (
    <TableScroll label={`Attempts of invocation ${invocation.id}`}>
      <table className="admin-table webhooks-attempts">
        <caption className="admin-caption">Attempts of invocation {invocation.id}, oldest first</caption>
        <TableHead columns={['Attempt', 'Status', 'Status code', 'Duration', 'Completed (UTC)', 'Answer (first 1 KiB)']} />
        <tbody>
          {invocation.attempts.map((a) => (
            <tr key={a.id}>
              <td>{a.id}</td>
              <td>{a.status}</td>
              <td>{a.statusCode ?? <span className="admin-muted">no answer</span>}</td>
              <td>{a.durationMs} ms</td>
              <td>
                <UtcTime at={a.completedAt} seconds />
              </td>
              <td>
                <pre className="webhooks-body">{a.answer || '(empty)'}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function InvocationLog({ webhookId, invocations }: { webhookId: string; invocations: InvocationView[] }) {
  if (invocations.length === 0) return <p className="admin-muted">No invocations on this page.</p>;
  return (
    <ol className="webhooks-log">
      {invocations.map((i) => (
        <li key={i.id} className="webhooks-invocation">
          <h3 id={`invocation-${i.id}`}>
            Invocation {i.id}: {eventLabel(i.eventType)}, {i.status}
          </h3>
          <dl className="webhooks-facts">
            <dt>Subject</dt>
            <dd className="webhooks-endpoint">{i.subject}</dd>
            <dt>Event</dt>
            <dd className="webhooks-endpoint">{i.eventId}</dd>
            <dt>Created</dt>
            <dd>
              <UtcTime at={i.createdAt} seconds />
            </dd>
          </dl>
          <Attempts invocation={i} />
          <form action={replayAction} className="webhooks-inline-form">
            <input type="hidden" name="id" value={webhookId} />
            <input type="hidden" name="invocation" value={i.id} />
            <button className="admin-button admin-button-quiet" type="submit" aria-label={`Replay invocation ${i.id}`}>
              Replay
            </button>
          </form>
        </li>
      ))}
    </ol>
  );
}
