'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/admin/forms';
import { changeUserAction } from '../actions';
import { Field, FormAlert, formKey } from '../../_components/fields';

type Props = { id: number; role: string; locale: string; roles: readonly string[]; locales: readonly string[] };

export function ChangeUserForm({ id, role, locale, roles, locales }: Props) {
  const [state, action, pending] = useActionState(changeUserAction, {} satisfies FormState);
  return (
    <form key={formKey(state)} className="admin-form users-form" action={action}>
      <h2 id="change-heading">Role and locale</h2>
      <FormAlert state={state} />
      <input type="hidden" name="id" value={id} />
      <Field form="change" name="role" label="Role" options={roles} defaultValue={role} state={state} />
      <Field form="change" name="locale" label="Locale" options={locales} defaultValue={locale} state={state} />
      <button className="admin-button" type="submit" disabled={pending}>
        Save role and locale
      </button>
    </form>
  );
}
