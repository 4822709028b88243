import { describe, expect, it } from 'vitest';
import { newId } from '../ids';
import type { SurveyDefinition } from '../surveys/definition';
import { defaultCsatDefinition } from '../surveys/default-csat';
import { seedSurvey } from '../surveys/surveys';
import { parseResponseFilters } from './survey-responses/filters';
import { criteriaOf } from './survey-responses/query';
import { categoryNames, ratingText, surveyInfos } from './survey-info';

const st = (value: string) => ({ type: 'static' as const, value });
const npsScale = (subType: 'net_promoter_score' | 'other'): SurveyDefinition => ({
  questions: [
    {
      id: newId(),
      alias: 'likely',
      type: 'rating_scale_numeric',
      sub_type: subType,
      headline: st('How likely are you to recommend us?'),
      options: Array.from({ length: 11 }, (_, r) => ({ id: newId(), rating: r, label: st(String(r)), follow_up: null })),
    },
  ],
});

describe('surveyInfos', () => {
  it('counts a survey as NPS by its type or by its first rating question, and names its categories', async () => {
    const csat = await seedSurvey({ type: 'CUSTOMER_SATISFACTION', definition: defaultCsatDefinition() });
    const custom = await seedSurvey({ type: 'CUSTOM', definition: npsScale('net_promoter_score') });
    const plain = await seedSurvey({ type: 'CUSTOM', definition: npsScale('other') });
    const infos = await surveyInfos({ locale: 'en-us' });
    expect(infos.get(csat.id)).toMatchObject({
      type: 'CUSTOMER_SATISFACTION',
      state: 'enabled',
      nps: false,
      label: `CSAT: How would you rate the support you received? (…${csat.id.slice(-6)})`,
      shortLabel: `CSAT …${csat.id.slice(-6)}`,
      categoryNames: { good: 'Good', neutral: 'Neutral', bad: 'Bad' },
    });
    expect(infos.get(csat.id)!.definition.questions).toHaveLength(3);
    expect(infos.get(custom.id)).toMatchObject({ nps: true, categoryNames: { good: 'Promoters', neutral: 'Passives', bad: 'Detractors' } });
    expect(infos.get(plain.id)!.nps).toBe(false);
  });

  it('has one set of names per kind of survey', () => {
    expect(categoryNames(true)).toEqual({ good: 'Promoters', neutral: 'Passives', bad: 'Detractors' });
    expect(categoryNames(false)).toEqual({ good: 'Good', neutral: 'Neutral', bad: 'Bad' });
  });
});

describe('ratingText', () => {
  it('shows the emoji, the number and the label, without repeating a label that is the number', () => {
    expect(ratingText({ rating: 5, label: 'Very satisfied', emoji: '😀' })).toBe('😀 5 · Very satisfied');
    expect(ratingText({ rating: 9, label: '9' })).toBe('9');
    expect(ratingText({ rating: 0, label: 'Not at all' })).toBe('0 · Not at all');
  });
});

describe('response filters', () => {
  it('take days from 1970 to 9999 only, with a clear message', () => {
    for (const day of ['1970-01-01', '2026-02-28', '9999-12-31']) expect(parseResponseFilters({ from: day }).success, day).toBe(true);
    const early = parseResponseFilters({ from: '1969-12-31' });
    expect(early.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['from', 'must be a day from 1970-01-01 to 9999-12-31']]);
    expect(parseResponseFilters({ to: '0000-01-01' }).error?.issues.map((i) => i.message)).toEqual(['must be a day from 1970-01-01 to 9999-12-31']);
    expect(parseResponseFilters({ from: '2026-02-30' }).error?.issues.map((i) => i.message)).toEqual(['is not a date']);
  });

  it('read an anonymous id as one, even when it is all digits, and keep responder for users', () => {
    const parsed = parseResponseFilters({ anonymous: '12345' });
    expect(criteriaOf(parsed.data!)).toEqual({ anonymousId: '12345' });
    expect(criteriaOf(parseResponseFilters({ responder: '12345' }).data!, { responderId: 12345 })).toEqual({ responderId: 12345 });
    expect(criteriaOf(parsed.data!, { anonymousId: 'other' })).toBeUndefined();
    expect(criteriaOf(parsed.data!, { responderId: 7 })).toEqual({ responderId: 7, anonymousId: '12345' });
    expect(parseResponseFilters({ anonymous: 'x'.repeat(256) }).success).toBe(false);
  });
});
