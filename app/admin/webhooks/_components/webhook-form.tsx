'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/admin/forms';
import { authenticationChoices, subscriptionChoices } from '@/lib/admin/webhooks/labels';
import { Field, FormAlert, formKey } from '../../_components/fields';
import { createWebhookAction, editWebhookAction } from '../actions';

// Create and edit share one form: name, endpoint, the events as checkboxes, credentials. Editing with
// the secret fields left empty keeps the stored credentials of the chosen type.

type Current = { id: string; name: string; endpoint: string; subscriptions: string[]; authentication: 'bearer_token' | 'basic_auth' | null };

export function WebhookForm({ current }: { current?: Current }) {
  const [state, action, pending] = useActionState(current ? editWebhookAction : createWebhookAction, {} satisfies FormState);
  const form = current ? 'edit' : 'create';
  const kept = state.values;
  const checked = (field: string, type: string) => (kept ? kept[field] === 'on' : (current?.subscriptions.includes(type) ?? false));
  const auth = kept?.authentication ?? current?.authentication ?? 'none';
  const errorOf = (name: string) => state.fieldErrors?.[name];
  return (
    <form key={formKey(state)} className="admin-form webhooks-form" action={action}>
      <FormAlert state={state} />
      {current && <input type="hidden" name="id" value={current.id} />}
      <Field form={form} name="name" label="Name" required maxLength={255} autoComplete="off" defaultValue={current?.name} state={state} />
      <Field
        form={form}
        name="endpoint"
        label="Endpoint URL"
        type="url"
        required
        maxLength={2048}
        autoComplete="off"
        hint="http: or https:. Private, loopback and link-local addresses are refused."
        defaultValue={current?.endpoint}
        state={state}
      />
      <fieldset className="webhooks-fieldset">
        <legend>Events to send</legend>
        {subscriptionChoices.map((c) => (
          <label key={c.field} className="webhooks-check">
            <input type="checkbox" name={c.field} value="on" defaultChecked={checked(c.field, c.type)} />
            <span>
              {c.label} <span className="admin-muted">({c.hint})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="webhooks-fieldset" aria-describedby={`${form}-auth-hint`}>
        <legend>Authentication the endpoint asks for</legend>
        <p id={`${form}-auth-hint`} className="admin-muted form-hint">
          Sent in the Authorization header of every request.{current?.authentication && ' Leave the token or password empty to keep the stored one.'}
        </p>
        {authenticationChoices.map((c) => (
          <label key={c.value} className="webhooks-check">
            <input type="radio" name="authentication" value={c.value} defaultChecked={auth === c.value} />
            <span>{c.label}</span>
          </label>
        ))}
        {errorOf('authentication') && <p className="form-field-error">{errorOf('authentication')}</p>}
        <div className="webhooks-auth webhooks-auth-token">
          <Field form={form} name="token" label="Token" type="password" autoComplete="off" state={state} />
        </div>
        <div className="webhooks-auth webhooks-auth-basic">
          <Field form={form} name="username" label="Username" autoComplete="off" state={state} />
          <Field form={form} name="password" label="Password" type="password" autoComplete="new-password" state={state} />
        </div>
      </fieldset>
      <button className="admin-button" type="submit" disabled={pending}>
        {current ? 'Save webhook' : 'Create webhook'}
      </button>
    </form>
  );
}
