import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findUserByExternalId } from '@/db/users';
import { createWriteKey } from '../auth/write-keys';
import { ApiError } from '../errors';
import { createSurvey } from '../surveys/surveys';
import { ingestRequest } from './ingest';

const admin = { id: 1, email: 'admin@example.com', role: 'admin' as const, locale: 'en-us' };
const st = (value: string) => ({ type: 'static' as const, value });

async function campaign(settings: Record<string, unknown> = {}) {
  const survey = await createSurvey({
    actor: admin,
    survey: {
      type: 'NET_PROMOTER_SCORE',
      state: 'enabled',
      settings,
      questions: [{ type: 'rating_scale_numeric', sub_type: 'net_promoter_score', headline: st('Recommend us?'), options: Array.from({ length: 11 }, (_, r) => ({ rating: r, label: st(String(r)) })) }],
    } as never,
  });
  return survey.id;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'stored',
    (error: unknown) => (error instanceof ApiError ? error.errors[0]!.title : Promise.reject(error)),
  );

// Who a response is by is decided in one step on PostgreSQL (find the user, or add them): these pin
// what that step decides, on both databases.
describe('ingestion: the responder', () => {
  it('adds a user on first sight, with the email only when no user has it yet', async () => {
    const { writeKey } = await createWriteKey({});
    const id = await campaign();
    const email = `Ana-${randomUUID()}@Example.com`;
    const [first, second] = [`first-${randomUUID()}`, `second-${randomUUID()}`];
    await ingestRequest({ raw: { writeKey, campaign: id, rating: 9, userId: first, traits: { email, name: 'Ana', locale: 'DE' } } });
    await ingestRequest({ raw: { writeKey, campaign: id, rating: 8, userId: second, traits: { email } } });
    expect(await findUserByExternalId({ externalId: first })).toMatchObject({ email: email.toLowerCase(), name: 'Ana', locale: 'de', role: 'end_user', traits: { email, name: 'Ana', locale: 'de' } });
    expect(await findUserByExternalId({ externalId: second })).toMatchObject({ email: null, name: second, locale: 'en-us' });
  });

  it('merges traits of a known user, refuses an answer inside the window, and adds nobody it refuses', async () => {
    const { writeKey } = await createWriteKey({});
    const [id, other, targeted] = [await campaign(), await campaign(), await campaign({ targeting: [{ trait: 'plan', op: 'eq', value: 'pro' }] })];
    const userId = `known-${randomUUID()}`;
    await ingestRequest({ raw: { writeKey, campaign: id, rating: 9, userId, traits: { plan: 'free', seats: 3 } } });
    expect(await refusal(ingestRequest({ raw: { writeKey, campaign: id, rating: 5, userId, traits: { plan: 'pro' } } }))).toBe('Duplicate response');
    // The refused post changed nothing.
    expect((await findUserByExternalId({ externalId: userId }))!.traits).toEqual({ plan: 'free', seats: 3 });
    // Another campaign: no answer in its window; the merged traits are stored and targeted on.
    expect(await refusal(ingestRequest({ raw: { writeKey, campaign: targeted, rating: 6, userId } }))).toBe('Duplicate response');
    expect(await refusal(ingestRequest({ raw: { writeKey, campaign: other, rating: 6, userId, traits: { plan: 'pro' } } }))).toBe('stored');
    expect((await findUserByExternalId({ externalId: userId }))!.traits).toEqual({ plan: 'pro', seats: 3 });
    expect(await refusal(ingestRequest({ raw: { writeKey, campaign: targeted, rating: 6, userId } }))).toBe('stored');

    const stranger = `stranger-${randomUUID()}`;
    expect(await refusal(ingestRequest({ raw: { writeKey, campaign: targeted, rating: 6, userId: stranger, traits: { plan: 'free' } } }))).toBe('Duplicate response');
    expect(await findUserByExternalId({ externalId: stranger })).toBeUndefined();
  });
});
