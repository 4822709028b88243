'use server';

import { redirect } from 'next/navigation';
import { runForm, type FormState } from '@/lib/admin/forms';
import { addAlertRecipient, removeAlertRecipient } from '@/lib/admin/webhooks/alerts';
import { alertRecipientForm, removeRecipientForm } from '@/lib/admin/webhooks/forms';
import { formFields } from '@/lib/http/form';
import { pageAdmin } from '../../_components/session';

// Alert recipients: a refusal comes back in the form with what was typed; a success redirects
// (post/redirect/get).

export async function addRecipientAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await pageAdmin();
  const result = await runForm(alertRecipientForm, formFields(formData), (input) => addAlertRecipient({ actor, ...input }));
  if (!result.ok) return result.state;
  redirect(`/admin/webhooks/alerts?notice=added&address=${encodeURIComponent(result.value.address)}`);
}

export async function removeRecipientAction(formData: FormData): Promise<void> {
  const actor = await pageAdmin();
  const result = await runForm(removeRecipientForm, formFields(formData), (input) => removeAlertRecipient({ actor, ...input }));
  if (!result.ok) redirect('/admin/webhooks/alerts?notice=not_removed');
  redirect(`/admin/webhooks/alerts?notice=removed&address=${encodeURIComponent(result.value.address)}`);
}
