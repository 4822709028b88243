import { describe, expect, it } from 'vitest';
import { openApiDocument } from './document';
import { matchPath } from './match';

const templates = Object.keys(openApiDocument().paths ?? {});

describe('matchPath', () => {
  it('finds literal paths and fills parameters with any non-empty segment', () => {
    expect(matchPath(templates, '/api/v2/guide/survey_responses')).toBe('/api/v2/guide/survey_responses');
    expect(matchPath(templates, '/api/v2/guide/survey_responses/01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe('/api/v2/guide/survey_responses/{id}');
    expect(matchPath(templates, '/api/v2/guide/pt-BR/survey_responses/x')).toBe('/api/v2/guide/{locale}/survey_responses/{id}');
    expect(matchPath(templates, '/api/v2/guide/de/surveys/01ARZ3NDEKTSV4RRFFQ69G5FAV/3')).toBe('/api/v2/guide/{locale}/surveys/{id}/{version}');
    expect(matchPath(templates, '/api/responses')).toBe('/api/responses');
  });

  it('prefers a literal segment to a parameter at the first place they differ, as Next routes', () => {
    expect(matchPath(templates, '/api/v2/users/me')).toBe('/api/v2/users/me');
    expect(matchPath(templates, '/api/v2/users/create_or_update')).toBe('/api/v2/users/create_or_update');
    expect(matchPath(templates, '/api/v2/users/42')).toBe('/api/v2/users/{id}');
    // Both `/surveys/{id}` and `/{locale}/surveys` fit; the literal `surveys` comes first.
    expect(matchPath(templates, '/api/v2/guide/surveys/surveys')).toBe('/api/v2/guide/surveys/{id}');
    expect(matchPath(templates, '/api/v2/guide/de/surveys')).toBe('/api/v2/guide/{locale}/surveys');
  });

  it('reads a .json suffix under /api/v2 as the same resource', () => {
    expect(matchPath(templates, '/api/v2/users/me.json')).toBe('/api/v2/users/me');
    expect(matchPath(templates, '/api/v2/guide/survey_responses.json')).toBe('/api/v2/guide/survey_responses');
    expect(matchPath(templates, '/api/v2/guide/survey_responses/01ARZ3NDEKTSV4RRFFQ69G5FAV.json')).toBe('/api/v2/guide/survey_responses/{id}');
    // Only under /api/v2, and the document's own name is a path of its own.
    expect(matchPath(templates, '/api/openapi.json')).toBe('/api/openapi.json');
    expect(matchPath(templates, '/api/health.json')).toBeUndefined();
    expect(matchPath(['/api/v2/x/{id}'], '/api/v2/x/.json')).toBe('/api/v2/x/{id}');
  });

  it('reads a trailing slash under /api/v2 as the same resource, before a .json suffix', () => {
    expect(matchPath(templates, '/api/v2/guide/survey_responses/')).toBe('/api/v2/guide/survey_responses');
    expect(matchPath(templates, '/api/v2/users/me.json/')).toBe('/api/v2/users/me');
    expect(matchPath(templates, '/api/health/')).toBeUndefined();
  });

  it('compares literal segments decoded, and matches nothing else', () => {
    expect(matchPath(templates, '/api/v2/users/%6De')).toBe('/api/v2/users/me');
    expect(matchPath(templates, '/api/v2/guide/survey_responses/%ZZ')).toBe('/api/v2/guide/survey_responses/{id}');
    for (const path of ['/api/v2/nothing/here', '/api/v2/users', '/api/v2/users/', '/api/v2/users/1/2', '/api', '/hc/de/survey_responses/x']) {
      expect(matchPath(templates, path), path).toBeUndefined();
    }
  });
});
