import Link from 'next/link';
import { listUsersPage } from '@/lib/admin/users/users';
import { usersPageQuery } from '@/lib/admin/users/forms';
import { AdminShell } from '../_components/admin-shell';
import { pageAdmin } from '../_components/session';
import { UsersTable } from './_components/users-table';
import './users.css';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Keyset pages of 100 by id: ?after=<last id> / ?before=<first id>, as cheap on page 10,000 as on page 1.
export default async function UsersPage({ searchParams }: Props) {
  const admin = await pageAdmin();
  const query = usersPageQuery.safeParse(await searchParams);
  const page = await listUsersPage({ actor: admin, ...(query.success ? query.data : {}) });
  const addUser = (
    <Link className="users-link-button" href="/admin/users/new" prefetch={false}>
      Add user
    </Link>
  );
  return (
    <AdminShell admin={admin} current="/admin/users" title="Users" actions={addUser}>
      {!query.success && (
        <p className="admin-error" role="alert">
          This page link is not valid ({query.error.issues[0]?.path.join('.') || 'page'} {query.error.issues[0]?.message}): showing the first page.
        </p>
      )}
      <p className="admin-muted">Only admins sign in here, with a password. Select a name to change its role, locale or password.</p>
      <UsersTable users={page.users} />
      <nav className="users-pages" aria-label="Pages of users">
        {page.previousBefore !== undefined && (
          <Link href={`/admin/users?before=${page.previousBefore}`} prefetch={false}>
            ← Previous 100
          </Link>
        )}
        {page.users.length === 0 && query.success && (query.data.after ?? query.data.before) !== undefined && (
          <Link href="/admin/users" prefetch={false}>
            First page
          </Link>
        )}
        {page.nextAfter !== undefined && (
          <Link href={`/admin/users?after=${page.nextAfter}`} prefetch={false}>
            Next 100 →
          </Link>
        )}
      </nav>
    </AdminShell>
  );
}
