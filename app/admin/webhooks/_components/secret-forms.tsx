'use client';

import { useActionState } from 'react';
import { FormAlert } from '../../_components/fields';
import { resetSecretAction, revealSecretAction, type SecretState } from '../actions';

// The signing secret is never in the page until the admin asks: it is the state of that POST (the
// re-rendered page without JavaScript), gone with the next page.

function SecretValue({ state, label }: { state: SecretState; label: string }) {
  if (!state.secret) return null;
  return (
    <div className="admin-notice webhooks-secret" role="status">
      <p>{state.reset ? 'A new signing secret: deliveries are signed with it from now on. Give it to the receivers.' : 'Keep it where the receivers verify signatures.'}</p>
      <label htmlFor={label}>{state.reset ? 'New signing secret' : 'Signing secret'}</label>
      <input id={label} className="webhooks-secret-value" readOnly value={state.secret} onFocus={(e) => e.currentTarget.select()} />
    </div>
  );
}

export function SecretForms({ id }: { id: string }) {
  const [shown, reveal, revealing] = useActionState(revealSecretAction, {} satisfies SecretState);
  const [reset, resetAction, resetting] = useActionState(resetSecretAction, {} satisfies SecretState);
  const error = reset.fieldErrors?.confirm;
  return (
    <div className="webhooks-secret-forms">
      <form action={reveal} className="webhooks-stack">
        <FormAlert state={shown} />
        <input type="hidden" name="id" value={id} />
        <button className="admin-button" type="submit" disabled={revealing}>
          Reveal signing secret
        </button>
        <SecretValue state={shown} label="revealed-secret" />
      </form>
      <form action={resetAction} className="webhooks-stack">
        <FormAlert state={reset} />
        <input type="hidden" name="id" value={id} />
        <label className="webhooks-check">
          <input type="checkbox" name="confirm" value="yes" required aria-invalid={error ? true : undefined} aria-describedby={error ? 'reset-error' : undefined} />
          <span>Receivers that verify signatures must be given the new secret</span>
        </label>
        {error && (
          <p id="reset-error" className="form-field-error">
            {error}
          </p>
        )}
        <button className="admin-button admin-button-quiet" type="submit" disabled={resetting}>
          Reset signing secret
        </button>
        <SecretValue state={reset} label="new-secret" />
      </form>
    </div>
  );
}
