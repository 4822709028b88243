import Link from 'next/link';
import type { AdminKey } from '@/lib/admin/keys/keys';
import type { KeyKind } from '@/lib/admin/keys/labels';
import { UtcTime } from '../../_components/utc-time';
import { TableHead } from '../../_components/table-head';
import { TableScroll } from '../../_components/table-scroll';

export function KeyTable({ kind, label, title, keys }: { kind: KeyKind; label: string; title: string; keys: AdminKey[] }) {
  if (keys.length === 0) return <p className="admin-muted">No {label}s yet.</p>;
  // Six columns do not fit a phone: the table scrolls inside its card instead of widening the page.
  return (
    <TableScroll label={`${title}, table`}>
      <table className="admin-table">
        <caption className="admin-caption">{title}, dates in UTC</caption>
        <TableHead columns={['ID', 'Description', 'Created (UTC)', 'Revoked (UTC)', 'State', 'Action']} />
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <td>{k.id}</td>
              <th scope="row">{k.description || <span className="admin-muted">(no description)</span>}</th>
              <td>
                <UtcTime at={k.created_at} />
              </td>
              <td>
                <UtcTime at={k.revoked_at} />
              </td>
              <td>{k.active ? 'active' : 'revoked'}</td>
              <td>
                {k.active && (
                  <Link href={`/admin/keys?revoke=${kind}-${k.id}#confirm`} prefetch={false} aria-label={`Revoke ${label} ${k.id}`}>
                    Revoke…
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
