'use client';

import { useActionState } from 'react';
import { FormAlert } from '../../_components/fields';
import { sendTestAction, type TestState } from '../actions';

/** One signed request now (never retried, not in the log), and what the endpoint answered, as text. */
export function TestForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(sendTestAction, {} satisfies TestState);
  return (
    <form action={action} className="webhooks-stack">
      <FormAlert state={state} />
      <input type="hidden" name="id" value={id} />
      <button className="admin-button" type="submit" disabled={pending}>
        Send a test request
      </button>
      {state.answer && (
        <div className="webhooks-answer" role="status">
          <p>
            The endpoint answered <strong>{state.answer.status}</strong>.
          </p>
          <p className="admin-muted">Its answer (the first 1 KiB, as text):</p>
          <pre className="webhooks-body">{state.answer.body || '(empty)'}</pre>
        </div>
      )}
    </form>
  );
}
