import type { AlertRecipientView } from '@/lib/admin/webhooks/alerts';
import { TableHead } from '../../_components/table-head';
import { TableScroll } from '../../_components/table-scroll';
import { UtcTime } from '../../_components/utc-time';
import { removeRecipientAction } from '../alerts/actions';

export function RecipientsTable({ recipients }: { recipients: AlertRecipientView[] }) {
  if (recipients.length === 0) return <p className="admin-muted">Nobody gets alert e-mails yet.</p>;
  return (
    <TableScroll label="Alert recipients">
      <table className="admin-table">
        <caption className="admin-caption">Alert recipients by address; dates in UTC</caption>
        <TableHead columns={['Address', 'Language', 'Added (UTC)', 'Action']} />
        <tbody>
          {recipients.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="webhooks-endpoint">
                {r.address}
              </th>
              <td>{r.locale}</td>
              <td>
                <UtcTime at={r.createdAt} />
              </td>
              <td>
                <form action={removeRecipientAction} className="webhooks-inline-form">
                  <input type="hidden" name="id" value={r.id} />
                  <button className="admin-button admin-button-quiet" type="submit" aria-label={`Remove ${r.address}`}>
                    Remove
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
