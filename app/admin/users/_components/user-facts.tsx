import type { UserView } from '@/lib/admin/users/users';
import { UtcTime } from '../../_components/utc-time';

/** What the admin view knows of a user, and what their role lets them do here. */
export function UserFacts({ user, self }: { user: UserView; self: boolean }) {
  const signIn = {
    not_admin: 'Cannot sign in here: only admins can. Demoting an admin signs them out and clears their password.',
    password: 'Signs in here with a password.',
    needs_password: 'No password: this admin cannot sign in here until one is set below (the API works with a token).',
  }[user.sign_in];
  return (
    <>
      <dl className="users-facts">
        <dt>ID</dt>
        <dd>{user.id}</dd>
        <dt>Email</dt>
        <dd>{user.email ?? '—'}</dd>
        <dt>Role</dt>
        <dd>{user.role}</dd>
        <dt>Locale</dt>
        <dd>{user.locale}</dd>
        <dt>External ID</dt>
        <dd>{user.external_id ?? '—'}</dd>
        <dt>Created</dt>
        <dd>
          <UtcTime at={user.created_at} />
        </dd>
        <dt>Updated</dt>
        <dd>
          <UtcTime at={user.updated_at} />
        </dd>
      </dl>
      <p className={user.sign_in === 'needs_password' ? 'users-warning-box' : 'admin-muted'}>{signIn}</p>
      {self && <p className="admin-muted">This is you: you cannot remove your own admin role (another admin can).</p>}
    </>
  );
}
