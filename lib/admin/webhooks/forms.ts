import { z } from 'zod';
import { locales } from '../../i18n/locales';
import { email } from '../../users/schemas';
import { endpoint } from '../../webhooks/schemas';
import { authenticationChoices, subscriptionChoices } from './labels';

// The forms of the webhooks screen (runForm in ../forms parses and runs them). Subscriptions are one
// checkbox each (`subscribe_answered=on`), so a refused form can check them again from its values.

export { locales };

const checkbox = z.literal('on').optional();
const token = z.string().max(2048, 'must have at most 2048 characters').regex(/^[\x21-\x7e]*$/, 'must be printable ASCII without spaces');
const printable = (what: string) => z.string().max(1024, 'must have at most 1024 characters').regex(/^[\x20-\x7e]*$/, `${what} must be printable ASCII`);

const webhookFields = z.object({
  name: z.string('is required').trim().min(1, 'is required').max(255, 'must have at most 255 characters'),
  endpoint: z.string('is required').trim().min(1, 'is required').pipe(endpoint),
  authentication: z.enum(authenticationChoices.map((c) => c.value) as ['none', 'bearer_token', 'basic_auth'], 'must be none, bearer_token or basic_auth').default('none'),
  token: token.default(''),
  username: printable('the username').refine((u) => !u.includes(':'), 'must not contain ":"').default(''),
  password: printable('the password').default(''),
  subscribe_offered: checkbox,
  subscribe_answered: checkbox,
  subscribe_updated: checkbox,
  subscribe_rated_bad: checkbox,
  subscribe_survey_updated: checkbox,
});

type Fields = z.output<typeof webhookFields>;

/**
 * What a webhook form says about credentials: none (null), new ones, or, when editing and the
 * secret is left empty, the stored ones of that type (the API keeps them when `data` is left out).
 */
function authenticationOf(f: Fields) {
  if (f.authentication === 'none') return null;
  if (f.authentication === 'bearer_token') return { type: 'bearer_token' as const, add_position: 'header' as const, ...(f.token && { data: { token: f.token } }) };
  return {
    type: 'basic_auth' as const,
    add_position: 'header' as const,
    ...((f.username || f.password) && { data: { username: f.username, password: f.password } }),
  };
}

const toInput = (f: Fields) => ({
  name: f.name,
  endpoint: f.endpoint,
  subscriptions: subscriptionChoices.filter((c) => f[c.field] === 'on').map((c) => c.type),
  authentication: authenticationOf(f),
});
export type WebhookFormInput = ReturnType<typeof toInput>;

/** A new webhook must be given the credentials it names. */
export const createWebhookForm = webhookFields
  .superRefine((f, ctx) => {
    if (f.authentication === 'bearer_token' && !f.token) ctx.addIssue({ code: 'custom', path: ['token'], message: 'is required for a bearer token' });
    if (f.authentication === 'basic_auth' && !f.username) ctx.addIssue({ code: 'custom', path: ['username'], message: 'is required for basic authentication' });
  })
  .transform((f) => toInput(f));

const webhookId = z.string('is required').min(1, 'is required').max(100, 'must be a webhook id');

/** Editing: empty secret fields keep the stored credentials of the same type. */
export const editWebhookForm = webhookFields
  .extend({ id: webhookId })
  .superRefine((f, ctx) => {
    if (f.authentication === 'basic_auth' && f.password && !f.username) ctx.addIssue({ code: 'custom', path: ['username'], message: 'is required with a password' });
  })
  .transform((f) => ({ id: f.id, ...toInput(f) }));

export const webhookIdForm = z.object({ id: webhookId });
export const statusForm = z.object({
  id: webhookId,
  status: z.enum(['active', 'inactive'], 'must be active or inactive'),
  back: z.enum(['list', 'page']).default('page'),
});
export const deleteWebhookForm = z.object({ id: webhookId, confirm: z.literal('yes', 'must be checked to delete the webhook') });
export const resetSecretForm = z.object({ id: webhookId, confirm: z.literal('yes', 'must be checked: receivers must be given the new secret') });

const positiveId = (what: string) => z.coerce.number(`must be ${what}`).int(`must be ${what}`).positive(`must be ${what}`).max(Number.MAX_SAFE_INTEGER, `must be ${what}`);
export const replayForm = z.object({ id: webhookId, invocation: positiveId('an invocation id') });

/** `?after=ID` (older invocations) or `?before=ID` (newer ones) of the log; neither: the newest. */
export const logPageQuery = z
  .object({
    after: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), positiveId('an invocation id').optional()),
    before: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), positiveId('an invocation id').optional()),
  })
  .refine((q) => q.after === undefined || q.before === undefined, 'give either after or before, not both');

export const alertRecipientForm = z.object({
  address: z.string('is required').pipe(email),
  locale: z.enum(locales, `must be one of ${locales.join(', ')}`),
});
export const removeRecipientForm = z.object({ id: positiveId('a recipient id') });
