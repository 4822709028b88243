'use client';

import { useActionState } from 'react';
import type { KeyFormState } from '@/lib/admin/keys/keys';
import { capitalized, type KeyKind } from '@/lib/admin/keys/labels';
import { Field, FormAlert } from '../../_components/fields';
import { createKeyAction } from '../actions';

// A client component (useActionState): from lib/ it imports types and keys-labels (which reaches no
// db/ code) only, and gets its words as props.
type Props = { kind: KeyKind; label: string; usage: string };

export function CreateKeyForm({ kind, label, usage }: Props) {
  const [state, action, pending] = useActionState(createKeyAction, {} satisfies KeyFormState);
  const { created } = state;
  return (
    <>
      {created && (
        <div className="admin-notice keys-secret" role="status">
          <p>
            <strong>
              {capitalized(label)} {created.id} ({created.description}) created.
            </strong>{' '}
            Copy it now: it is shown only this once and is stored only as a hash.
          </p>
          <label htmlFor={`${kind}-secret`}>New {label}</label>
          <input id={`${kind}-secret`} className="keys-secret-value" readOnly value={created.secret} onFocus={(e) => e.currentTarget.select()} />
          <p className="admin-muted">{usage}</p>
        </div>
      )}
      <form className="admin-form keys-form" action={action}>
        <FormAlert state={state} />
        <input type="hidden" name="kind" value={kind} />
        <Field form={kind} name="description" label={`Description of the new ${label}`} required maxLength={200} autoComplete="off" state={created ? {} : state} />
        <button className="admin-button" type="submit" disabled={pending}>
          Create {label}
        </button>
      </form>
    </>
  );
}
