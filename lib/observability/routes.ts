import { openApiDocument } from '../openapi/document';
import { matchPath } from '../openapi/match';

// The route template of a request, for metrics labels and log lines: a bounded set of names, never
// the raw path (ids, access tokens in the query). API paths are matched against the OpenAPI
// document's templates, so a new API route is named as soon as it is documented; the pages are
// listed here (routes.test.ts checks the list against app/). Anything else is "other".

export const PAGE_ROUTES = [
  '/',
  '/metrics',
  '/hc/{locale}/survey_responses/{id}',
  '/admin',
  '/admin/keys',
  '/admin/session',
  '/admin/sign-in',
  '/admin/sign-out',
  '/admin/survey_responses',
  '/admin/survey_responses/export',
  '/admin/survey_responses/{id}',
  '/admin/surveys',
  '/admin/surveys/{id}',
  '/admin/surveys/{id}/preview',
  '/admin/surveys/{id}/preview/content',
  '/admin/users',
  '/admin/users/new',
  '/admin/users/{id}',
  '/admin/webhooks',
  '/admin/webhooks/alerts',
  '/admin/webhooks/{id}',
] as const;

export const OTHER_ROUTE = 'other';
const STATIC_PREFIX = '/_next/static/';

let apiRoutes: string[] | undefined;

/** The path of a request target (`/p?q`, or the absolute form a proxy may send), without the query. */
function pathOf(target: string): string {
  const end = target.search(/[?#]/);
  const path = end < 0 ? target : target.slice(0, end);
  if (path.startsWith('/')) return path;
  try {
    return new URL(path).pathname;
  } catch {
    return '';
  }
}

/** `/api/v2/users/{id}` for `/api/v2/users/42.json?x=1`; "other" for a path no route has. */
export function routeOf(target: string): string {
  const path = pathOf(target);
  if (path.startsWith(STATIC_PREFIX)) return '/_next/static';
  const api = path === '/api' || path.startsWith('/api/');
  const templates = api ? (apiRoutes ??= Object.keys(openApiDocument().paths ?? {})) : PAGE_ROUTES;
  return matchPath(templates, path) ?? OTHER_ROUTE;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The method as a label: any method a client makes up is "other", so labels stay few. */
export const methodOf = (method: string | undefined) => (method && METHODS.has(method) ? method : OTHER_ROUTE);
