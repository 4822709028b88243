import { DAY_MS } from '../../time';

// A webhook carries since when all its attempts have failed (cleared by a success). Past a day it is
// failing: the admin should look at the endpoint. Before that it is a warning (retries may still win).

export const FAILING_AFTER_MS = DAY_MS;

export type Failing = { state: 'failing' | 'warning'; since: number } | undefined;

export function failingOf(failingSince: number | null, now = Date.now()): Failing {
  if (failingSince === null) return undefined;
  return { state: failingSince <= now - FAILING_AFTER_MS ? 'failing' : 'warning', since: failingSince };
}
