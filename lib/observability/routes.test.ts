import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodOf, routeOf } from './routes';

/** The URL template of every page and route handler under app/ (route groups left out). */
function appTemplates(dir = 'app'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('_') ? [] : appTemplates(file);
    if (entry.name !== 'page.tsx' && entry.name !== 'route.ts') return [];
    const segments = path
      .relative('app', dir)
      .split(path.sep)
      .filter((s) => s !== '' && !/^\(.*\)$/.test(s));
    return [`/${segments.join('/')}`.replace(/\[([^\].]+)\]/g, '{$1}')];
  });
}

describe('routeOf', () => {
  it('names every page and route of app/ by its own template', () => {
    const templates = appTemplates().filter((t) => !t.includes('[...'));
    expect(templates.length).toBeGreaterThan(30);
    for (const template of templates) {
      const path = template.replace(/\{[^}]+\}/g, (param) => (param === '{locale}' ? 'en-us' : '01J9ZX5W3V7Q8R2M4N6P0K1H2G'));
      expect(routeOf(path), path).toBe(template);
    }
  });

  it('keeps ids, tokens and the query out of the name', () => {
    expect(routeOf('/api/v2/guide/survey_responses/01J9ZX5W3V7Q8R2M4N6P0K1H2G?access_token=s3cret')).toBe('/api/v2/guide/survey_responses/{id}');
    expect(routeOf('/hc/de/survey_responses/01J9ZX5W3V7Q8R2M4N6P0K1H2G?access_token=s3cret&rating=5')).toBe('/hc/{locale}/survey_responses/{id}');
    expect(routeOf('/api/v2/users/42')).toBe('/api/v2/users/{id}');
    expect(routeOf('/admin/users/42?saved=1')).toBe('/admin/users/{id}');
  });

  it('reads /api/v2 paths as Next does: .json and a trailing slash name the same route, a literal beats a parameter', () => {
    expect(routeOf('/api/v2/users/me.json')).toBe('/api/v2/users/me');
    expect(routeOf('/api/v2/users/42.json')).toBe('/api/v2/users/{id}');
    expect(routeOf('/api/v2/guide/survey_responses/')).toBe('/api/v2/guide/survey_responses');
    expect(routeOf('/api/v2/guide/surveys/01J9ZX5W3V7Q8R2M4N6P0K1H2G')).toBe('/api/v2/guide/surveys/{id}');
    expect(routeOf('/api/v2/guide/de/surveys')).toBe('/api/v2/guide/{locale}/surveys');
  });

  it('is "other" for anything no route has, whatever its path', () => {
    for (const path of ['/wp-login.php', '/api/v3/anything/123', '/api', '/admin/nope/1', '//admin', '*', '', '/hc/de']) {
      expect(routeOf(path), path).toBe('other');
    }
  });

  it('takes the path of an absolute request target, and names static assets as one route', () => {
    expect(routeOf('http://example.com/admin/surveys?x=1')).toBe('/admin/surveys');
    expect(routeOf('/_next/static/chunks/0a1b2c.js')).toBe('/_next/static');
  });
});

describe('methodOf', () => {
  it('keeps the methods HTTP defines and calls any other "other"', () => {
    expect(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map(methodOf)).toEqual(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
    expect(methodOf('BREW')).toBe('other');
    expect(methodOf(undefined)).toBe('other');
  });
});
