'use server';

import { redirect } from 'next/navigation';
import { runForm, type FormState } from '@/lib/admin/forms';
import { createWebhookForm, deleteWebhookForm, editWebhookForm, replayForm, resetSecretForm, statusForm, webhookIdForm } from '@/lib/admin/webhooks/forms';
import { replay, resetSecret, revealSecret, sendTest } from '@/lib/admin/webhooks/log';
import { addWebhook, removeWebhook, saveWebhook, setWebhookStatus } from '@/lib/admin/webhooks/webhooks';
import { formFields } from '@/lib/http/form';
import { pageAdmin } from '../_components/session';

// Server actions of the webhooks screen. Forms that change something redirect on success
// (post/redirect/get); a refusal comes back as the form's state with the admin's input (never a
// token or password). The signing secret and a test's answer are the state of the POST that asked
// for them: never in a URL, a cookie or a log, and gone on the next page.

export interface SecretState extends FormState {
  secret?: string;
  reset?: boolean;
}
export interface TestState extends FormState {
  answer?: { status: number; body: string };
}

const page = (id: string, notice: string) => `/admin/webhooks/${encodeURIComponent(id)}?notice=${notice}`;

/** A refused form keeps what was typed, except the credentials. */
const withoutSecrets = (state: FormState): FormState => ({
  ...state,
  values: Object.fromEntries(Object.entries(state.values ?? {}).filter(([name]) => name !== 'token' && name !== 'password')),
});

export async function createWebhookAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await pageAdmin();
  const result = await runForm(createWebhookForm, formFields(formData), (input) => addWebhook({ actor, input }));
  if (!result.ok) return withoutSecrets(result.state);
  redirect(page(result.value.id, 'created'));
}

export async function editWebhookAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await pageAdmin();
  const result = await runForm(editWebhookForm, formFields(formData), ({ id, ...input }) => saveWebhook({ actor, id, input }));
  if (!result.ok) return withoutSecrets(result.state);
  redirect(page(result.value.id, 'saved'));
}

export async function setStatusAction(formData: FormData): Promise<void> {
  const actor = await pageAdmin();
  const fields = formFields(formData);
  const result = await runForm(statusForm, fields, (input) => setWebhookStatus({ actor, ...input }));
  const notice = result.ok ? (result.value.status === 'active' ? 'activated' : 'deactivated') : 'missing';
  if (result.ok && fields.back?.[0] !== 'list') redirect(page(result.value.id, notice));
  redirect(`/admin/webhooks?notice=${notice}`);
}

// Deleting is a confirm step (?delete=…) then this post.
export async function deleteWebhookAction(formData: FormData): Promise<void> {
  const actor = await pageAdmin();
  const result = await runForm(deleteWebhookForm, formFields(formData), (input) => removeWebhook({ actor, id: input.id }));
  redirect(`/admin/webhooks?notice=${result.ok ? 'deleted' : 'not_deleted'}`);
}

export async function replayAction(formData: FormData): Promise<void> {
  const actor = await pageAdmin();
  const fields = formFields(formData);
  const result = await runForm(replayForm, fields, (input) => replay({ actor, webhookId: input.id, invocationId: input.invocation }));
  redirect(`${page(fields.id?.[0] ?? '', result.ok ? 'replayed' : 'not_replayed')}#log`);
}

export async function revealSecretAction(_state: SecretState, formData: FormData): Promise<SecretState> {
  const actor = await pageAdmin();
  const result = await runForm(webhookIdForm, formFields(formData), (input) => revealSecret({ actor, id: input.id }));
  return result.ok ? { secret: result.value } : result.state;
}

export async function resetSecretAction(_state: SecretState, formData: FormData): Promise<SecretState> {
  const actor = await pageAdmin();
  const result = await runForm(resetSecretForm, formFields(formData), (input) => resetSecret({ actor, id: input.id }));
  return result.ok ? { secret: result.value, reset: true } : result.state;
}

export async function sendTestAction(_state: TestState, formData: FormData): Promise<TestState> {
  const actor = await pageAdmin();
  const result = await runForm(webhookIdForm, formFields(formData), (input) => sendTest({ actor, id: input.id }));
  return result.ok ? { answer: result.value } : result.state;
}
