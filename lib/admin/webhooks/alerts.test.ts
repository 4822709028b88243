import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { env } from '../../env';
import { addUser } from '../../users/users';
import { runForm } from '../forms';
import { addAlertRecipient, alertsPage, removeAlertRecipient } from './alerts';
import { alertRecipientForm } from './forms';

const actorOf = async (role: 'admin' | 'agent') => {
  const row = await addUser({ email: `${role}-${randomUUID()}@example.com`, name: role, role, locale: 'en-us' });
  return { id: row.id, email: row.email ?? '', role: row.role, locale: row.locale };
};
const form = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]]));

describe('alert recipients', () => {
  it('refuses anyone but an admin', async () => {
    const agent = await actorOf('agent');
    await expect(alertsPage({ actor: agent })).rejects.toMatchObject({ status: 403 });
    await expect(addAlertRecipient({ actor: agent, address: 'a@example.com', locale: 'de' })).rejects.toMatchObject({ status: 403 });
    await expect(removeAlertRecipient({ actor: agent, id: 1 })).rejects.toMatchObject({ status: 403 });
  });

  it('adds an address with its language once, lists it, and removes it', async () => {
    const actor = await actorOf('admin');
    const address = `Alerts-${randomUUID()}@Example.com`;
    const added = await runForm(alertRecipientForm, form({ address, locale: 'de' }), (input) => addAlertRecipient({ actor, ...input }));
    if (!added.ok) throw new Error(JSON.stringify(added.state));
    expect(added.value).toMatchObject({ address: address.toLowerCase(), locale: 'de' });
    const page = await alertsPage({ actor });
    expect(page.recipients).toContainEqual(expect.objectContaining({ id: added.value.id, address: address.toLowerCase(), locale: 'de' }));
    expect(page.smtpConfigured).toBe(env().SMTP_URL !== undefined);

    const again = await runForm(alertRecipientForm, form({ address: address.toUpperCase(), locale: 'fr' }), (input) => addAlertRecipient({ actor, ...input }));
    expect(again).toMatchObject({ ok: false, state: { fieldErrors: { address: 'This address gets alerts already.' }, values: { address: address.toUpperCase(), locale: 'fr' } } });

    expect(await removeAlertRecipient({ actor, id: added.value.id })).toMatchObject({ address: address.toLowerCase() });
    expect((await alertsPage({ actor })).recipients.map((r) => r.id)).not.toContain(added.value.id);
    await expect(removeAlertRecipient({ actor, id: added.value.id })).rejects.toMatchObject({ name: 'FormRefusal' });
  });

  it('refuses an address that is not one and a language not shipped, keeping the input', async () => {
    const actor = await actorOf('admin');
    const refused = await runForm(alertRecipientForm, form({ address: 'not an address', locale: 'xx' }), (input) => addAlertRecipient({ actor, ...input }));
    expect(refused).toMatchObject({
      ok: false,
      state: { fieldErrors: { address: 'Must be an email address.', locale: expect.stringMatching(/^Must be one of en-us, de/) }, values: { address: 'not an address', locale: 'xx' } },
    });
  });
});
