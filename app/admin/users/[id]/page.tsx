import Link from 'next/link';
import { findUserView } from '@/lib/admin/users/users';
import { locales, userRoles } from '@/lib/admin/users/forms';
import { userIdParam } from '@/lib/users/schemas';
import { AdminShell } from '../../_components/admin-shell';
import { pageAdmin } from '../../_components/session';
import { ChangeUserForm } from '../_components/change-user-form';
import { PasswordForm } from '../_components/password-form';
import { UserFacts } from '../_components/user-facts';
import '../users.css';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

// A Map: a notice name from the URL is looked up as data, never as an object's own or inherited key.
const notices = new Map([
  ['added', 'User added.'],
  ['saved', 'Role and locale saved.'],
  ['password', 'Password set.'],
]);

export default async function UserPage({ params, searchParams }: Props) {
  const admin = await pageAdmin();
  const parsed = userIdParam.safeParse(await params);
  const user = parsed.success ? await findUserView({ actor: admin, id: parsed.data.id }) : undefined;
  const notice = notices.get(String((await searchParams).notice));
  if (!user) {
    return (
      <AdminShell admin={admin} current="/admin/users" title="User not found">
        <p className="admin-error">No user has this id. <Link href="/admin/users">Back to users</Link></p>
      </AdminShell>
    );
  }
  const self = user.id === admin.id;
  return (
    <AdminShell admin={admin} current="/admin/users" title={user.name}>
      {notice && (
        <p className="admin-notice" role="status">
          {notice}
        </p>
      )}
      <UserFacts user={user} self={self} />
      <div className="users-forms">
        <ChangeUserForm id={user.id} role={user.role} locale={user.locale} roles={userRoles} locales={locales} />
        {user.role === 'admin' && <PasswordForm id={user.id} self={self} />}
      </div>
      <p>
        <Link href="/admin/users">Back to users</Link>
      </p>
    </AdminShell>
  );
}
