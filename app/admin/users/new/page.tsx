import { locales, userRoles } from '@/lib/admin/users/forms';
import { AdminShell } from '../../_components/admin-shell';
import { pageAdmin } from '../../_components/session';
import { AddUserForm } from '../_components/add-user-form';
import '../users.css';

export default async function NewUserPage() {
  const admin = await pageAdmin();
  return (
    <AdminShell admin={admin} current="/admin/users" title="Add user">
      <AddUserForm roles={userRoles} locales={locales} />
    </AdminShell>
  );
}
