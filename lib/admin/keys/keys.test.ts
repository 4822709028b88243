import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addUser } from '../../users/users';
import { createKey, keysPage, listKeys, revokeKey } from './keys';

const actorOf = async (role: 'admin' | 'agent') => {
  const row = await addUser({ email: `${role}-${randomUUID()}@example.com`, name: role, role, locale: 'en-us' });
  return { id: row.id, email: row.email ?? '', role: row.role, locale: row.locale };
};

describe('admin keys', () => {
  it('refuses anyone but an admin', async () => {
    const agent = await actorOf('agent');
    await expect(listKeys({ actor: agent })).rejects.toMatchObject({ status: 403 });
    await expect(keysPage({ actor: agent })).rejects.toMatchObject({ status: 403 });
    await expect(createKey({ actor: agent, kind: 'write_key', description: 'no' })).rejects.toMatchObject({ status: 403 });
    await expect(revokeKey({ actor: agent, kind: 'write_key', id: 1 })).rejects.toMatchObject({ status: 403 });
  });

  it('names a key to confirm only while it is active, and a revoked one only once it is revoked', async () => {
    const actor = await actorOf('admin');
    const { key } = await createKey({ actor, kind: 'api_token', description: 'ci' });
    const confirm = await keysPage({ actor, revoke: `api_token-${key.id}`, revoked: `api_token-${key.id}` });
    expect(confirm).toMatchObject({ confirm: { kind: 'api_token', key: { id: key.id, active: true } }, confirmMissing: false, revoked: undefined });

    await revokeKey({ actor, kind: 'api_token', id: key.id });
    const after = await keysPage({ actor, revoke: `api_token-${key.id}`, revoked: `api_token-${key.id}` });
    expect(after).toMatchObject({ confirm: undefined, confirmMissing: true, revoked: { kind: 'api_token', key: { id: key.id, active: false } } });
    await expect(revokeKey({ actor, kind: 'api_token', id: key.id })).rejects.toMatchObject({ name: 'FormRefusal' });

    for (const revoke of ['__proto__', 'write_key-0', `write_key-${key.id}x`]) {
      expect(await keysPage({ actor, revoke })).toMatchObject({ confirm: undefined, confirmMissing: true, revoked: undefined });
    }
    expect(await keysPage({ actor })).toMatchObject({ confirm: undefined, confirmMissing: false, revoked: undefined });
  });
});
