import { describe, expect, it } from 'vitest';
import { createWriteKey } from '../auth/write-keys';
import { createSurvey } from '../surveys/surveys';
import { ingestResponse } from './ingest';
import { npsFigures } from './nps';
import { insertResponseBody } from './schemas';

const admin = { id: 1, email: 'admin@example.com', role: 'admin' as const, locale: 'en-us' };
const st = (value: string) => ({ type: 'static' as const, value });

describe('npsFigures', () => {
  it('counts promoters, passives and detractors of a campaign over a time range', async () => {
    const campaign = await createSurvey({
      actor: admin,
      survey: {
        type: 'NET_PROMOTER_SCORE',
        state: 'enabled',
        questions: [
          {
            type: 'rating_scale_numeric',
            sub_type: 'net_promoter_score',
            headline: st('Recommend us?'),
            options: Array.from({ length: 11 }, (_, r) => ({ rating: r, label: st(String(r)) })),
          },
        ],
      },
    });
    const { writeKey } = await createWriteKey({});
    const before = Date.now();
    for (const [i, rating] of [10, 9, 8, 3, 0].entries()) {
      const body = insertResponseBody.parse({ writeKey, campaign: campaign.id, rating, userId: `u${i}` });
      await ingestResponse({ body });
    }
    expect(await npsFigures({ surveyId: campaign.id })).toEqual({ promoters: 2, passives: 1, detractors: 2, total: 5, score: 0 });
    expect(await npsFigures({ surveyId: campaign.id, from: Date.now() + 1000 })).toEqual({ promoters: 0, passives: 0, detractors: 0, total: 0, score: null });
    expect((await npsFigures({ surveyId: campaign.id, from: before })).total).toBe(5);
    await expect(npsFigures({ surveyId: 'nope' })).rejects.toThrow();
  });
});
