import type { NewWebhook } from './webhooks';

// Webhooks for the database tests: each `make` a new id (`idPrefix` and three digits, 26 characters
// in all), name and creation time.
export function webhookMaker(idPrefix: string, firstAt: number) {
  let n = 0;
  const make = (fields: Partial<NewWebhook> = {}): NewWebhook => {
    const at = firstAt + ++n;
    return {
      id: `${idPrefix}${String(n).padStart(3, '0')}`,
      name: `hook ${n}`,
      description: '',
      status: 'active',
      endpoint: 'https://example.com/hook',
      httpMethod: 'POST',
      requestFormat: 'json',
      authentication: null,
      signingSecret: 'secret',
      createdBy: 1,
      updatedBy: 1,
      createdAt: at,
      updatedAt: at,
      ...fields,
    };
  };
  /** The webhook, and how many were made so far. */
  return { make, made: () => n };
}
