import { test as base, expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { OpenApiChecker } from './openapi-check';

// The API suites' `test`: its `request` holds every answer it receives to the OpenAPI document the
// server serves (GET /api/openapi.json), so the document cannot drift from what the API does. An
// answer under /api with an undocumented status, header or body fails the test at that request.

const checkers = new Map<string, Promise<OpenApiChecker>>();

/** The document of the server at `baseURL`, fetched once per worker without being checked itself. */
function checkerFor(request: APIRequestContext, baseURL: string): Promise<OpenApiChecker> {
  let found = checkers.get(baseURL);
  if (!found) {
    found = (async () => {
      const res = await request.get(new URL('/api/openapi.json', baseURL).toString());
      if (!res.ok()) throw new Error(`GET /api/openapi.json answered ${res.status()}: the answers cannot be checked`);
      return new OpenApiChecker(await res.json());
    })();
    checkers.set(baseURL, found);
  }
  return found;
}

const VERBS = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD' } as const;
type Verb = keyof typeof VERBS;
type Send = (urlOrRequest: unknown, options?: { method?: string }) => Promise<APIResponse>;

function methodOf(name: Verb | 'fetch', urlOrRequest: unknown, options: { method?: string } | undefined): string {
  if (name !== 'fetch') return VERBS[name];
  if (options?.method) return options.method.toUpperCase();
  return typeof urlOrRequest === 'string' ? 'GET' : (urlOrRequest as { method(): string }).method();
}

async function check(checker: OpenApiChecker, method: string, res: APIResponse): Promise<void> {
  const body = method === 'HEAD' ? Buffer.alloc(0) : await res.body();
  const problems = checker.problems({ method, url: res.url(), status: res.status(), headers: res.headers(), body });
  const excerpt = body.toString('utf8').slice(0, 500);
  expect(problems, `${method} ${res.url()} → ${res.status()} does not match the OpenAPI document; body: ${excerpt}`).toEqual([]);
}

/** `request` with each sending method checking its answer. */
function checking(request: APIRequestContext, checker: OpenApiChecker): APIRequestContext {
  return new Proxy(request, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (!(property in VERBS) && property !== 'fetch') return value.bind(target);
      const send = value.bind(target) as Send;
      return async (urlOrRequest: unknown, options?: { method?: string }) => {
        const res = await send(urlOrRequest, options);
        await check(checker, methodOf(property as Verb | 'fetch', urlOrRequest, options), res);
        return res;
      };
    },
  });
}

export const test = base.extend({
  // Not named `use`: React's hook rule would take the fixture for a component.
  request: async ({ request, baseURL }, provide) => {
    if (!baseURL) throw new Error('the project names no baseURL: the OpenAPI document cannot be fetched');
    await provide(checking(request, await checkerFor(request, baseURL)));
  },
});

export { expect };
