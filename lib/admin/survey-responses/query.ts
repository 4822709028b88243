import type { AdminResponseCriteria } from '@/db/admin-responses';
import { findUserByEmail, findUserByExternalId } from '@/db/users';
import { idBoundsFor } from '../../ids';
import { dayRangeMs, type ResponseFilters } from './filters';

// The responses table's URL filters → what the rows must match in the database.

/** Who the responder filter names: a user id, an email, a SatisMeter userId, else an anonymous id. */
type Responder = { responderId: number } | { anonymousId: string } | { nobody: true };

async function resolveResponder(value: string): Promise<Responder> {
  if (/^\d{1,15}$/.test(value)) return { responderId: Number(value) };
  if (value.includes('@')) {
    const user = await findUserByEmail({ email: value.toLowerCase() });
    return user ? { responderId: user.id } : { nobody: true };
  }
  const user = await findUserByExternalId({ externalId: value });
  return user ? { responderId: user.id } : { anonymousId: value };
}

const MAX_MS = 2 ** 48 - 1;

/**
 * The criteria of filters; undefined when nothing can match (a responder no one is, or a responder
 * read as one anonymous id while the anonymous filter names another).
 */
export function criteriaOf(filters: ResponseFilters, responder?: Responder, now = Date.now()): AdminResponseCriteria | undefined {
  if (responder && 'nobody' in responder) return undefined;
  if (responder && 'anonymousId' in responder && filters.anonymous !== undefined && responder.anonymousId !== filters.anonymous) return undefined;
  const { fromMs, toMs } = dayRangeMs(filters);
  return {
    ...(filters.subject !== undefined && { subjectZrn: filters.subject }),
    ...responder,
    ...(filters.anonymous !== undefined && { anonymousId: filters.anonymous }),
    ...(filters.survey !== undefined && { surveyId: filters.survey }),
    ...(filters.rating !== undefined && { rating: filters.rating }),
    ...(filters.category !== undefined && { ratingCategory: filters.category }),
    ...(filters.reason !== undefined && { reasonOptionId: filters.reason }),
    ...(filters.comment !== undefined && { hasComment: filters.comment === 'yes' }),
    ...(filters.state !== undefined && { states: { states: filters.state, now } }),
    ...(filters.assignee !== undefined && { assigneeId: filters.assignee }),
    ...(filters.group !== undefined && { groupId: filters.group }),
    ...(filters.brand !== undefined && { brandId: filters.brand }),
    ...(filters.tag !== undefined && { tag: filters.tag }),
    ...(filters.locale !== undefined && { locale: filters.locale.toLowerCase().replace(/_/g, '-') }),
    ...(filters.method !== undefined && { method: filters.method }),
    ...((fromMs !== undefined || toMs !== undefined) && { idRange: idBoundsFor(fromMs ?? 0, toMs ?? MAX_MS) }),
  };
}

/** Filters → criteria, looking up the responder they name. */
export async function responseCriteria(filters: ResponseFilters, now = Date.now()): Promise<AdminResponseCriteria | undefined> {
  return criteriaOf(filters, filters.responder === undefined ? undefined : await resolveResponder(filters.responder), now);
}
