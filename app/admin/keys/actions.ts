'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createKey, createKeyForm, revokeKey, revokeKeyForm, type KeyFormState } from '@/lib/admin/keys';
import { runForm } from '@/lib/admin/people-forms';
import { pageAdmin } from '../_components/session';
import { formFields } from '../users/_components/form-fields';

// The secret of a new key is shown exactly once, and only to the admin who made it: this action
// returns it as the form's state (useActionState), so it travels only in the answer to that POST —
// the re-rendered page without JavaScript, the action's answer with it. It never enters a URL, a
// redirect, a cookie, the database (only its hash) or a log; reloading or coming back shows the list
// without it. The cost: without JavaScript, reloading that answer offers to post the form again,
// which makes another key (never shows the old one).

export async function createKeyAction(_state: KeyFormState, formData: FormData): Promise<KeyFormState> {
  await pageAdmin();
  const result = await runForm(createKeyForm, formFields(formData), createKey);
  if (!result.ok) return result.state;
  revalidatePath('/admin/keys');
  const { secret, key } = result.value;
  return { created: { id: key.id, description: key.description, secret } };
}

// Revocation is a confirm step (?revoke=…) then this post; it redirects back to the list (303).
export async function revokeKeyAction(formData: FormData): Promise<void> {
  await pageAdmin();
  const fields = formFields(formData);
  const result = await runForm(revokeKeyForm, fields, revokeKey);
  redirect(result.ok ? `/admin/keys?revoked=${fields.kind}-${result.value.id}` : `/admin/keys?not_revoked=${encodeURIComponent(`${fields.kind}-${fields.id}`)}`);
}
