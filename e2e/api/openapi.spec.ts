import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { expect, test } from '../support/test';

// The document itself: valid OpenAPI 3.1, one path per API route, and a readable page that loads
// nothing from anywhere else. (That every answer conforms to it is checked by ../support/test.ts.)

/** The URL template of every route handler under app/api, as the document writes paths. */
function routeTemplates(dir = 'app/api'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeTemplates(path);
    if (entry.name !== 'route.ts') return [];
    const url = `/${relative('app', dir).split(sep).join('/')}`;
    return [url.replace(/\[([^\].]+)\]/g, '{$1}')];
  });
}

test('GET /api/openapi.json is a valid OpenAPI 3.1 document', async ({ request }) => {
  const res = await request.get('/api/openapi.json');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/json');
  const validator = new Validator();
  const result = await validator.validate(await res.json());
  expect(result.errors).toBeUndefined();
  expect(result.valid).toBe(true);
  expect(validator.version).toBe('3.1');
  // Every reference resolves.
  expect(() => validator.resolveRefs()).not.toThrow();
});

test('the document has a path for every API route, and no other', async ({ request }) => {
  const { paths } = (await (await request.get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  // The catch-all only answers unknown paths (the document's x-unmatched-requests).
  const routes = routeTemplates().filter((t) => !t.includes('[...'));
  expect(Object.keys(paths).sort()).toEqual(routes.sort());
});

test('GET /api/docs is a page of every operation, with no script and nothing from another host', async ({ request }) => {
  const doc = (await (await request.get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  const res = await request.get('/api/docs');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/html');
  const csp = res.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('script-src');
  const page = await res.text();
  expect(page).not.toMatch(/<script/i);
  expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
  expect(page).not.toMatch(/\b(src|href|action)\s*=\s*["']?\s*(https?:)?\/\//i);
  expect(page).not.toMatch(/url\(/i);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) expect(page).toContain(`${method.toUpperCase()}</span> <code>${path}</code>`);
  }
  // Every link inside the page lands on something.
  const ids = new Set([...page.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
  for (const [, target] of page.matchAll(/href="#([^"]+)"/g)) expect(ids, target).toContain(target);
});
