import Link from 'next/link';
import { findPerson } from '@/lib/admin/people';
import { locales, userRoles } from '@/lib/admin/people-forms';
import { userIdParam } from '@/lib/users/schemas';
import { AdminShell } from '../../_components/admin-shell';
import { pageAdmin } from '../../_components/session';
import { ChangeUserForm } from '../_components/change-user-form';
import { PasswordForm } from '../_components/password-form';
import { PersonFacts } from '../_components/person-facts';
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
  const person = parsed.success ? await findPerson({ actor: admin, id: parsed.data.id }) : undefined;
  const notice = notices.get(String((await searchParams).notice));
  if (!person) {
    return (
      <AdminShell admin={admin} current="/admin/users" title="User not found">
        <p className="admin-error">No user has this id. <Link href="/admin/users">Back to people</Link></p>
      </AdminShell>
    );
  }
  const self = person.id === admin.id;
  return (
    <AdminShell admin={admin} current="/admin/users" title={person.name}>
      {notice && (
        <p className="admin-notice" role="status">
          {notice}
        </p>
      )}
      <PersonFacts person={person} self={self} />
      <div className="people-forms">
        <ChangeUserForm id={person.id} role={person.role} locale={person.locale} roles={userRoles} locales={locales} />
        {person.role === 'admin' && <PasswordForm id={person.id} self={self} />}
      </div>
      <p>
        <Link href="/admin/users">Back to people</Link>
      </p>
    </AdminShell>
  );
}
