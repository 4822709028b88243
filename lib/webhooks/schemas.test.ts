import { describe, expect, it } from 'vitest';
import { createWebhookBody, listInvocationsQuery, listWebhooksQuery, patchWebhookBody, testWebhookBody, updateWebhookBody } from './schemas';

const valid = { name: ' Ratings ', status: 'active', endpoint: 'https://example.com/hook', http_method: 'POST', request_format: 'json' };
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => [i.path.join('/'), i.message]);

describe('createWebhookBody', () => {
  it('takes what Zendesk clients send: unknown fields ignored, method and format in any case, subscriptions deduplicated', () => {
    const parsed = createWebhookBody.parse({
      webhook: {
        ...valid,
        http_method: 'post',
        request_format: 'JSON',
        subscriptions: ['zen:event-type:survey_response.answered', 'zen:event-type:survey_response.answered'],
        custom_headers: { a: 'b' },
        external_source: { type: 'app_installation' },
      },
      extra: true,
    });
    expect(parsed).toEqual({
      webhook: { ...valid, name: 'Ratings', http_method: 'POST', request_format: 'json', subscriptions: ['zen:event-type:survey_response.answered'] },
    });
  });

  it('refuses what this service cannot send, naming the field', () => {
    const result = createWebhookBody.safeParse({
      webhook: { ...valid, http_method: 'PUT', request_format: 'xml', endpoint: 'file:///etc/passwd', subscriptions: ['conditional_ticket_events'], status: 'on' },
    });
    expect(issues(result)).toEqual([
      ['webhook/status', 'must be active or inactive'],
      ['webhook/endpoint', 'must be an http: or https: URL'],
      ['webhook/http_method', expect.stringMatching(/^must be POST/)],
      ['webhook/request_format', expect.stringMatching(/^must be json/)],
      ['webhook/subscriptions/0', expect.stringMatching(/^must be one of the event types this service sends: zen:event-type:survey_response.offered, /)],
    ]);
  });

  it('takes bearer and basic credentials in the header only, without line breaks', () => {
    const bearer = { type: 'bearer_token', add_position: 'header', data: { token: 'abc' } };
    expect(createWebhookBody.parse({ webhook: { ...valid, authentication: bearer } }).webhook.authentication).toEqual(bearer);
    expect(issues(createWebhookBody.safeParse({ webhook: { ...valid, authentication: { ...bearer, add_position: 'body' } } }))).toEqual([
      ['webhook/authentication/add_position', 'must be header'],
    ]);
    expect(
      issues(createWebhookBody.safeParse({ webhook: { ...valid, authentication: { type: 'basic_auth', add_position: 'header', data: { username: 'a:b', password: 'x\ny' } } } })),
    ).toEqual([
      ['webhook/authentication/data/username', 'the username may not contain ":"'],
      ['webhook/authentication/data/password', 'the password must be printable ASCII'],
    ]);
  });
});

describe('update bodies', () => {
  it('PUT requires the mandatory fields; PATCH takes any of them', () => {
    expect(issues(updateWebhookBody.safeParse({ webhook: { status: 'inactive' } }))?.map(([path]) => path)).toEqual([
      'webhook/name',
      'webhook/endpoint',
      'webhook/http_method',
      'webhook/request_format',
    ]);
    expect(patchWebhookBody.parse({ webhook: { status: 'inactive', authentication: null } })).toEqual({ webhook: { status: 'inactive', authentication: null } });
  });
});

describe('list queries', () => {
  it('default to created_at order and pages of 100, clamp larger pages, and refuse two cursors', () => {
    expect(listWebhooksQuery.parse({})).toEqual({ sort: 'created_at', 'page[size]': 100 });
    expect(listWebhooksQuery.parse({ 'page[size]': '5000', sort: '-name' })).toEqual({ sort: '-name', 'page[size]': 100 });
    expect(issues(listWebhooksQuery.safeParse({ 'page[after]': 'a', 'page[before]': 'b' }))).toEqual([['page[before]', 'give page[after] or page[before], not both']]);
    expect(issues(listInvocationsQuery.safeParse({ 'filter[status]': 'done' }))).toEqual([['filter[status]', 'must be pending, success or failed']]);
  });
});

describe('testWebhookBody', () => {
  it('takes a payload as JSON text or as a JSON value, and refuses headers the service sets', () => {
    expect(testWebhookBody.parse({ request: { payload: { a: 1 }, http_method: 'get' } })).toEqual({ request: { payload: '{"a":1}', http_method: 'GET' } });
    expect(
      issues(
        testWebhookBody.safeParse({
          request: {
            headers: [
              { key: 'Content-Length', value: '1' },
              { key: 'X-Ok', value: 'a\r\nb' },
              { key: 'bad key', value: '' },
            ],
          },
        }),
      ),
    ).toEqual([
      ['request/headers/0/key', 'is set by the service itself'],
      ['request/headers/1/value', 'must be printable ASCII'],
      ['request/headers/2/key', 'must be a header name'],
    ]);
  });
});
