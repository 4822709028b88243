import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findUserById } from '@/db/users';
import type { Actor } from '../../auth/credentials';
import { hashPassword } from '../../auth/secrets';
import { addUser } from '../../users/users';
import { sessionAdmin, signIn } from '../session';
import { addUserForm } from './forms';
import { createUser, changeUser, findUserView, listUsersPage, setUserPassword } from './users';

const unique = (prefix: string) => `${prefix}-${randomUUID()}@example.com`;
const actorOf = (row: { id: number; email: string | null; role: Actor['role']; locale: string }): Actor => ({ ...row, email: row.email ?? '' });

async function admin(password = 'a long enough password') {
  return addUser({ email: unique('admin'), name: 'Admin', role: 'admin', locale: 'en-us', passwordHash: await hashPassword(password) });
}

/** Demotes every admin but `keep`, so that `keep` is the last one. */
async function onlyAdmin(keep: Actor) {
  for (let after = 0; ; ) {
    const { users, nextAfter } = await listUsersPage({ actor: keep, after });
    for (const p of users) if (p.role === 'admin' && p.id !== keep.id) await changeUser({ actor: keep, id: p.id, role: 'agent', locale: 'en-us' });
    if (nextAfter === undefined) return;
    after = nextAfter;
  }
}

describe('users rules', () => {
  it('refuses anyone but an admin, before anything is read or written', async () => {
    const agentRow = await addUser({ email: unique('agent'), name: 'Agent', role: 'agent', locale: 'en-us' });
    const agent = actorOf(agentRow);
    const forbidden = { status: 403 };
    await expect(listUsersPage({ actor: agent })).rejects.toMatchObject(forbidden);
    await expect(findUserView({ actor: agent, id: agent.id })).rejects.toMatchObject(forbidden);
    const email = unique('by-agent');
    await expect(createUser({ actor: agent, ...addUserForm.parse({ email, name: 'X', role: 'admin', locale: 'de' }) })).rejects.toMatchObject(forbidden);
    await expect(changeUser({ actor: agent, id: agent.id, role: 'admin', locale: 'de' })).rejects.toMatchObject(forbidden);
    await expect(setUserPassword({ actor: agent, id: agent.id, password: 'long enough password' })).rejects.toMatchObject(forbidden);
    expect(await findUserById({ id: agent.id })).toMatchObject({ role: 'agent', locale: 'en-us', passwordHash: null });
    const a = actorOf(await admin());
    expect((await listUsersPage({ actor: a })).users.some((p) => p.email === email)).toBe(false);
    expect(await findUserView({ actor: a, id: agent.id })).toMatchObject({ role: 'agent', has_password: false, sign_in: 'not_admin' });
  });

  it('refuses a duplicate email, case aside, on the email field', async () => {
    const actor = actorOf(await admin());
    const email = unique('dup');
    await createUser({ actor, ...addUserForm.parse({ email, name: 'First', role: 'agent', locale: 'de' }) });
    await expect(createUser({ actor, ...addUserForm.parse({ email: email.toUpperCase(), name: 'Second', role: 'end_user', locale: 'fr' }) })).rejects.toMatchObject({
      message: 'A user with this email already exists.',
      field: 'email',
    });
  });

  it('gives a password to admins only, hashed, and the admin can sign in with it', async () => {
    const actor = actorOf(await admin());
    const email = unique('new-admin');
    await expect(createUser({ actor, ...addUserForm.parse({ email, name: 'A', role: 'agent', locale: 'ja', password: 'twelve chars!' }) })).rejects.toMatchObject({ field: 'password' });
    const user = await createUser({ actor, ...addUserForm.parse({ email, name: 'A', role: 'admin', locale: 'ja', password: 'twelve chars!' }) });
    expect(user).toMatchObject({ role: 'admin', locale: 'ja', has_password: true });
    expect((await findUserById({ id: user.id }))?.passwordHash).toMatch(/^scrypt\$/);
    expect((await signIn({ email, password: 'twelve chars!' })).ok).toBe(true);
  });

  it('keeps the last admin and refuses self-demotion; demoting signs out and clears the password', async () => {
    const a = actorOf(await admin());
    await onlyAdmin(a);
    await expect(changeUser({ actor: a, id: a.id, role: 'agent', locale: 'en-us' })).rejects.toMatchObject({ message: 'This is the last admin: make another admin first.' });

    const bRow = await admin('b password long');
    const b = actorOf(bRow);
    await expect(changeUser({ actor: a, id: a.id, role: 'end_user', locale: 'en-us' })).rejects.toMatchObject({ message: 'You cannot remove your own admin role: ask another admin.' });
    expect(await changeUser({ actor: a, id: a.id, role: 'admin', locale: 'pt-br' })).toMatchObject({ role: 'admin', locale: 'pt-br' });

    const session = await signIn({ email: b.email, password: 'b password long' });
    if (!session.ok) throw new Error('expected a session');
    expect(await changeUser({ actor: a, id: b.id, role: 'agent', locale: 'es' })).toMatchObject({ role: 'agent', locale: 'es', has_password: false });
    expect(await sessionAdmin({ token: session.token })).toBeUndefined();
    // Promoted again, b has no password until one is set.
    expect(await changeUser({ actor: a, id: b.id, role: 'admin', locale: 'es' })).toMatchObject({ role: 'admin', has_password: false, sign_in: 'needs_password' });
    await expect(changeUser({ actor: b, id: 999_999_999, role: 'agent', locale: 'de' })).rejects.toMatchObject({ message: 'No user has this id.' });
  });

  it('sets passwords of admins only; another admin is signed out by a reset', async () => {
    const a = actorOf(await admin());
    const b = await admin('old password b');
    const agent = await addUser({ email: unique('agent'), name: 'Agent', role: 'agent', locale: 'en-us' });
    await expect(setUserPassword({ actor: a, id: agent.id, password: 'whatever long' })).rejects.toMatchObject({ field: 'password' });
    const session = await signIn({ email: b.email!, password: 'old password b' });
    if (!session.ok) throw new Error('expected a session');
    await setUserPassword({ actor: a, id: b.id, password: 'new password b' });
    expect(await sessionAdmin({ token: session.token })).toBeUndefined();
    expect((await signIn({ email: b.email!, password: 'new password b' })).ok).toBe(true);
  });

  it('pages users by id in both directions', async () => {
    const actor = actorOf(await admin());
    for (let i = 0; i < 5; i++) await addUser({ email: unique('page'), name: `P${i}`, role: 'end_user', locale: 'en-us' });
    const first = await listUsersPage({ actor, limit: 2 });
    expect(first.previousBefore).toBeUndefined();
    const second = await listUsersPage({ actor, after: first.nextAfter!, limit: 2 });
    expect(second.users[0]!.id).toBeGreaterThan(first.users[1]!.id);
    const back = await listUsersPage({ actor, before: second.previousBefore!, limit: 2 });
    expect(back).toEqual(first);
  });
});
