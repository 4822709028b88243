import type { z } from 'zod';
import { ApiError, type ErrorSource } from './errors';

type Where = 'body' | 'query' | 'path' | 'header';

function sourceOf(where: Where, path: PropertyKey[]): ErrorSource {
  if (where === 'body') {
    const pointer = path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
    return { pointer: `/${pointer}` };
  }
  // A parameter is named as the client wrote it (`filter[responder_ids]`), not by the item inside it.
  return { parameter: String(path[0] ?? '') };
}

/** Parses with zod; any problem becomes a 400 with one error object per issue. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: Where): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ApiError(
    'BadRequest',
    result.error.issues.map((issue) => ({
      title: 'Invalid request',
      detail: issue.message,
      source: sourceOf(where, issue.path),
    })),
  );
}
