import { z } from 'zod';
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

export const TOO_LARGE = `must be at most ${Number.MAX_SAFE_INTEGER} (2^53 - 1)`;

/**
 * An integer written in digits (a path or query value): read as a number, and refused past 2^53 - 1
 * rather than silently rounded. `from: 1` refuses 0 and leading zeros.
 */
export const integerText = (message: string, { from = 1 }: { from?: 0 | 1 } = {}) =>
  z
    .string()
    .regex(from === 1 ? /^[1-9][0-9]*$/ : /^[0-9]+$/, { message, abort: true })
    .refine((digits) => Number(digits) <= Number.MAX_SAFE_INTEGER, TOO_LARGE)
    .transform(Number);
