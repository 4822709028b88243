'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/admin/forms';
import { Field, FormAlert, formKey } from '../../_components/fields';
import { addRecipientAction } from '../alerts/actions';

export function RecipientForm({ locales }: { locales: readonly string[] }) {
  const [state, action, pending] = useActionState(addRecipientAction, {} satisfies FormState);
  return (
    <form key={formKey(state)} className="admin-form webhooks-form" action={action}>
      <FormAlert state={state} />
      <Field form="alert" name="address" label="E-mail address" type="email" required maxLength={320} autoComplete="off" state={state} />
      <Field form="alert" name="locale" label="Language of the e-mails" options={locales} defaultValue="en-us" state={state} />
      <button className="admin-button" type="submit" disabled={pending}>
        Add recipient
      </button>
    </form>
  );
}
