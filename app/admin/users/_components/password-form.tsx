'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/admin/forms';
import { setPasswordAction } from '../actions';
import { Field, FormAlert } from '../../_components/fields';

export function PasswordForm({ id, self }: { id: number; self: boolean }) {
  const [state, action, pending] = useActionState(setPasswordAction, {} satisfies FormState);
  const hint = self
    ? 'At least 12 characters. You stay signed in.'
    : 'At least 12 characters. This admin is signed out everywhere and signs in again with the new password.';
  return (
    <form className="admin-form users-form" action={action}>
      <h2 id="password-heading">Set a new password</h2>
      <FormAlert state={state} />
      <input type="hidden" name="id" value={id} />
      <Field form="password" name="password" label="New password" type="password" autoComplete="new-password" required hint={hint} state={state} />
      <button className="admin-button" type="submit" disabled={pending}>
        Set password
      </button>
    </form>
  );
}
