'use server';

import { redirect } from 'next/navigation';
import { runForm, type FormState } from '@/lib/admin/forms';
import { createUser, changeUser, setUserPassword } from '@/lib/admin/users/users';
import { addUserForm, changeUserForm, passwordForm } from '@/lib/admin/users/forms';
import { formFields } from '@/lib/http/form';
import { pageAdmin } from '../_components/session';

// Server actions of the users forms (useActionState): a refusal comes back as the form's state, a
// success redirects (post/redirect/get), so a reload never posts twice. Without JavaScript the form
// posts to the page and the same state is rendered by the server. pageAdmin checks the session first
// (a signed-out post goes to the sign-in form); Next checks the Origin of every action.

export async function addUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await pageAdmin();
  const result = await runForm(addUserForm, formFields(formData), (input) => createUser({ actor, ...input }));
  if (!result.ok) return result.state;
  redirect(`/admin/users/${result.value.id}?notice=added`);
}

export async function changeUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await pageAdmin();
  const result = await runForm(changeUserForm, formFields(formData), (input) => changeUser({ actor, ...input }));
  if (!result.ok) return result.state;
  redirect(`/admin/users/${result.value.id}?notice=saved`);
}

export async function setPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await pageAdmin();
  const result = await runForm(passwordForm, formFields(formData), (input) => setUserPassword({ actor, ...input }));
  if (!result.ok) return result.state;
  redirect(`/admin/users/${result.value.id}?notice=password`);
}
