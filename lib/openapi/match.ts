// Which path of the document a request path is, routed as Next routes it: a literal segment wins over
// a parameter at the first place they differ (`/surveys/{id}` before `/{locale}/surveys`). The API
// suites use it to find the operation whose answer they check.

const segments = (path: string) => path.split('/').slice(1);
const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function fits(template: string[], path: string[]): boolean {
  return template.length === path.length && template.every((t, i) => (isParam(t) ? path[i] !== '' : t === decoded(path[i]!)));
}

/** Negative when `a` is the more specific template (a literal where `b` has a parameter, first). */
function bySpecificity(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const [pa, pb] = [isParam(a[i]!), isParam(b[i]!)];
    if (pa !== pb) return pa ? 1 : -1;
  }
  return 0;
}

/** What next.config.ts rewrites an /api/v2 path to: without a trailing slash, then without `.json`. */
function rewritten(pathname: string): string {
  if (!pathname.startsWith('/api/v2/')) return pathname;
  let path = pathname;
  if (path.endsWith('/') && path.length > '/api/v2/'.length) path = path.slice(0, -1);
  const stem = path.slice(0, -'.json'.length);
  if (path.endsWith('.json') && !stem.endsWith('/') && stem.length > '/api/v2'.length) path = stem;
  return path;
}

/**
 * The template (`/api/v2/users/{id}`) that `pathname` (not decoded, without the query) matches, or
 * undefined. Under /api/v2 a `.json` suffix and a trailing slash name the same resource
 * (docs/zendesk-api.md, leniency rules), so `/api/v2/users/me.json` is `/api/v2/users/me`, not the user
 * with id `me.json`.
 */
export function matchPath(templates: readonly string[], pathname: string): string | undefined {
  const candidates = [segments(pathname), segments(rewritten(pathname))];
  let best: string[] | undefined;
  let found: string | undefined;
  for (const template of templates) {
    const parts = segments(template);
    if (!candidates.some((path) => fits(parts, path))) continue;
    if (!best || bySpecificity(parts, best) < 0) [best, found] = [parts, template];
  }
  return found;
}
