import { listAttemptsOf, listInvocationLog } from '@/db/admin-webhooks';
import type { Actor } from '../../auth/credentials';
import { ApiError } from '../../errors';
import { requireAdmin } from '../../users/users';
import { replayInvocation } from '../../webhooks/log';
import { testWebhook } from '../../webhooks/test-send';
import { resetSigningSecret, showSigningSecret } from '../../webhooks/webhooks';
import { FormRefusal } from '../forms';

// A webhook's page beyond its settings: the invocation log with every attempt, replay, the signing
// secret on demand, and the test send. The use-cases of lib/webhooks check the role and the ids.

export const LOG_PAGE_SIZE = 20;
/** What is shown of an answer (the log keeps at most this much already). */
export const ANSWER_LIMIT = 1024;

export interface AttemptView {
  id: number;
  status: 'success' | 'failed';
  statusCode: number | null;
  durationMs: number;
  completedAt: number;
  answer: string;
}

export interface InvocationView {
  id: number;
  eventId: string;
  eventType: string;
  subject: string;
  status: 'pending' | 'success' | 'failed';
  createdAt: number;
  nextAttemptAt: number;
  latestCompletedAt: number | null;
  attempts: AttemptView[];
}

/** Newest first, 20 a page, each with its attempts (two queries, whatever the page). */
export async function invocationLog({ actor, webhookId, after, before }: { actor: Actor; webhookId: string; after?: number; before?: number }) {
  requireAdmin(actor);
  const backward = before !== undefined;
  const boundaryId = after ?? before;
  const fetched = await listInvocationLog({
    webhookId,
    order: backward ? 'asc' : 'desc',
    ...(boundaryId !== undefined && { boundary: { op: backward ? 'gt' : 'lt', id: boundaryId } }),
    limit: LOG_PAGE_SIZE + 1,
  });
  const more = fetched.length > LOG_PAGE_SIZE;
  const rows = fetched.slice(0, LOG_PAGE_SIZE);
  if (backward) rows.reverse();
  const attempts = await listAttemptsOf({ invocationIds: rows.map((r) => r.id) });
  const invocations: InvocationView[] = rows.map((r) => ({
    id: r.id,
    eventId: r.eventId,
    eventType: r.eventType,
    subject: r.eventSubject,
    status: r.status,
    createdAt: r.createdAt,
    nextAttemptAt: r.nextAttemptAt,
    latestCompletedAt: r.latestCompletedAt,
    attempts: attempts
      .filter((a) => a.invocationId === r.id)
      .map((a) => ({ id: a.id, status: a.status, statusCode: a.statusCode, durationMs: a.durationMs, completedAt: a.completedAt, answer: a.responseBody.slice(0, ANSWER_LIMIT) })),
  }));
  return {
    invocations,
    nextAfter: (backward ? rows.length > 0 : more) ? rows[rows.length - 1]?.id : undefined,
    previousBefore: (backward ? more : boundaryId !== undefined && rows.length > 0) ? rows[0]?.id : undefined,
  };
}

const refusalOf = (error: unknown, what: string): never => {
  if (error instanceof ApiError && error.status === 404) throw new FormRefusal(`No ${what} has this id: it may have been deleted.`);
  throw error;
};

/** A new pending invocation of the same event, due now; the original stays in the log as it was. */
export async function replay({ actor, webhookId, invocationId }: { actor: Actor; webhookId: string; invocationId: number }) {
  requireAdmin(actor);
  try {
    return await replayInvocation({ actor, webhookId, invocationId });
  } catch (error) {
    return refusalOf(error, 'invocation of this webhook');
  }
}

/** The secret in clear, for the answer to the admin's POST only. */
export async function revealSecret({ actor, id }: { actor: Actor; id: string }): Promise<string> {
  try {
    return (await showSigningSecret({ actor, id })).signing_secret.secret;
  } catch (error) {
    return refusalOf(error, 'webhook');
  }
}

export async function resetSecret({ actor, id }: { actor: Actor; id: string }): Promise<string> {
  try {
    return (await resetSigningSecret({ actor, id })).signing_secret.secret;
  } catch (error) {
    return refusalOf(error, 'webhook');
  }
}

/**
 * One signed request to the webhook's endpoint now (never retried, never logged): what it answered,
 * or why nothing came back (the address guard, a network error, the timeout) as a refusal.
 */
export async function sendTest({ actor, id }: { actor: Actor; id: string }): Promise<{ status: number; body: string }> {
  try {
    const { response } = await testWebhook({ actor, webhookId: id, body: {} });
    return { status: response.status, body: response.body.slice(0, ANSWER_LIMIT) };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 502)) {
      const problem = error.errors[0];
      throw new FormRefusal(`${problem?.title ?? 'The test was not sent'}: ${problem?.detail ?? ''}`.replace(/: $/, '.'));
    }
    return refusalOf(error, 'webhook');
  }
}
