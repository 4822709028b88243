'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runForm } from '@/lib/admin/forms';
import { createKey, createKeyForm, revokeKey, revokeKeyForm, type KeyFormState } from '@/lib/admin/keys/keys';
import { formFields } from '@/lib/http/form';
import { pageAdmin } from '../_components/session';

// The secret of a new key is shown exactly once, and only to the admin who made it: this action
// returns it as the form's state (useActionState), so it travels only in the answer to that POST —
// the re-rendered page without JavaScript, the action's answer with it. It never enters a URL, a
// redirect, a cookie, the database (only its hash) or a log; reloading or coming back shows the list
// without it. The cost: without JavaScript, reloading that answer offers to post the form again,
// which makes another key (never shows the old one).

export async function createKeyAction(_state: KeyFormState, formData: FormData): Promise<KeyFormState> {
  const actor = await pageAdmin();
  const result = await runForm(createKeyForm, formFields(formData), (input) => createKey({ actor, ...input }));
  if (!result.ok) return result.state;
  revalidatePath('/admin/keys');
  const { secret, key } = result.value;
  return { created: { id: key.id, description: key.description, secret } };
}

// Revocation is a confirm step (?revoke=…) then this post; it redirects back to the list (303).
export async function revokeKeyAction(formData: FormData): Promise<void> {
  const actor = await pageAdmin();
  const fields = formFields(formData);
  const result = await runForm(revokeKeyForm, fields, (input) => revokeKey({ actor, ...input }));
  if (result.ok) redirect(`/admin/keys?revoked=${fields.kind?.[0]}-${result.value.id}`);
  redirect(`/admin/keys?not_revoked=${encodeURIComponent(`${fields.kind?.[0]}-${fields.id?.[0]}`)}`);
}
