'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/admin/forms';
import { addUserAction } from '../actions';
import { Field, FormAlert, formKey } from '../../_components/fields';

export function AddUserForm({ roles, locales }: { roles: readonly string[]; locales: readonly string[] }) {
  const [state, action, pending] = useActionState(addUserAction, {} satisfies FormState);
  return (
    <form key={formKey(state)} className="admin-form users-form" action={action}>
      <FormAlert state={state} />
      <Field form="add" name="email" label="Email" type="email" autoComplete="off" required state={state} />
      <Field form="add" name="name" label="Name" autoComplete="off" required state={state} />
      <Field form="add" name="role" label="Role" options={roles} defaultValue="agent" state={state} />
      <Field form="add" name="locale" label="Locale" options={locales} defaultValue="en-us" state={state} />
      <Field
        form="add"
        name="password"
        label="Password (admins only)"
        type="password"
        autoComplete="new-password"
        hint="Admins sign in here with it (at least 12 characters). An admin without one cannot sign in here and can only use the API. Leave it empty for agents and end users."
        state={state}
      />
      <button className="admin-button" type="submit" disabled={pending}>
        Add user
      </button>
    </form>
  );
}
