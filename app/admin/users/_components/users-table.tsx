import Link from 'next/link';
import type { UserView } from '@/lib/admin/users/users';
import { UtcTime } from '../../_components/utc-time';
import { TableHead } from '../../_components/table-head';

export function UsersTable({ users }: { users: UserView[] }) {
  if (users.length === 0) return <p className="admin-muted">No users on this page.</p>;
  return (
    <div className="users-scroll">
      <table className="admin-table">
        <caption className="admin-caption">Users by id; dates in UTC</caption>
        <TableHead columns={['ID', 'Name', 'Email', 'Role', 'Locale', 'External ID', 'Created (UTC)']} />
        <tbody>
          {users.map((p) => (
            <tr key={p.id}>
              <td>{p.id}</td>
              <th scope="row">
                <Link href={`/admin/users/${p.id}`} prefetch={false}>
                  {p.name}
                </Link>
              </th>
              <td>{p.email ?? <span className="admin-muted">—</span>}</td>
              <td>
                {p.role}
                {p.sign_in === 'needs_password' && <span className="users-warning"> (no password: cannot sign in here)</span>}
              </td>
              <td>{p.locale}</td>
              <td>{p.external_id ?? <span className="admin-muted">—</span>}</td>
              <td>
                <UtcTime at={p.created_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
