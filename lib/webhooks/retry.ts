// When a failed delivery is tried again (webhooks and alert e-mails alike): network errors, timeouts,
// 409, 429 and 5xx are retried with exponential backoff and jitter, honouring Retry-After, until the
// window after the event (24 h by default) has passed; 2xx is done; any other answer is final.

export const MAX_BACKOFF_MS = 3_600_000;

export type Next = { status: 'pending'; nextAttemptAt: number } | { status: 'success' } | { status: 'failed' };

export function retryable(statusCode: number | null): boolean {
  return statusCode === null || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}

/** Retry-After as seconds or an HTTP date → milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The pause before attempt `attempts + 1`: base·2^(attempts−1), at most an hour, between half and all of it. */
export function backoffMs(attempts: number, baseMs: number, random = Math.random): number {
  const full = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  return Math.round(full / 2 + random() * (full / 2));
}

/**
 * What follows an attempt: `attempts` counts it; `createdAt` is the event's time, which the window
 * runs from.
 */
export function nextAfter(input: {
  statusCode: number | null;
  retryAfter?: string;
  attempts: number;
  createdAt: number;
  now: number;
  baseMs: number;
  windowMs: number;
  random?: () => number;
}): Next {
  const { statusCode, now } = input;
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return { status: 'success' };
  if (!retryable(statusCode)) return { status: 'failed' };
  const asked = statusCode === 429 || statusCode === 503 ? retryAfterMs(input.retryAfter, now) : undefined;
  const nextAttemptAt = now + (asked ?? backoffMs(input.attempts, input.baseMs, input.random));
  return nextAttemptAt > input.createdAt + input.windowMs ? { status: 'failed' } : { status: 'pending', nextAttemptAt };
}
