import type { Person } from '@/lib/admin/people';
import { UtcTime } from '../../_components/utc-time';

/** What the admin view knows of a user, and what their role lets them do here. */
export function PersonFacts({ person, self }: { person: Person; self: boolean }) {
  const signIn = {
    not_admin: 'Cannot sign in here: only admins can. Demoting an admin signs them out and clears their password.',
    password: 'Signs in here with a password.',
    needs_password: 'No password: this admin cannot sign in here until one is set below (the API works with a token).',
  }[person.sign_in];
  return (
    <>
      <dl className="people-facts">
        <dt>ID</dt>
        <dd>{person.id}</dd>
        <dt>Email</dt>
        <dd>{person.email ?? '—'}</dd>
        <dt>Role</dt>
        <dd>{person.role}</dd>
        <dt>Locale</dt>
        <dd>{person.locale}</dd>
        <dt>External ID</dt>
        <dd>{person.external_id ?? '—'}</dd>
        <dt>Created</dt>
        <dd>
          <UtcTime at={person.created_at} />
        </dd>
        <dt>Updated</dt>
        <dd>
          <UtcTime at={person.updated_at} />
        </dd>
      </dl>
      <p className={person.sign_in === 'needs_password' ? 'people-warning-box' : 'admin-muted'}>{signIn}</p>
      {self && <p className="admin-muted">This is you: you cannot remove your own admin role (another admin can).</p>}
    </>
  );
}
