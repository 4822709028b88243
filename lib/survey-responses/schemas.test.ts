import { describe, expect, it } from 'vitest';
import { createSurveyResponseBody, listSurveyResponsesQuery } from './schemas';

describe('listSurveyResponsesQuery', () => {
  it('defaults, clamps the page size and splits comma lists', () => {
    expect(listSurveyResponsesQuery.parse({})).toEqual({ sort: 'id', 'page[size]': 100 });
    expect(listSurveyResponsesQuery.parse({ 'page[size]': '1000' })['page[size]']).toBe(100);
    expect(
      listSurveyResponsesQuery.parse({ 'filter[responder_ids]': '1, 2', 'filter[subject_zrns]': 'zen:ticket:1,ZEN:REQUEST:2' }),
    ).toMatchObject({ 'filter[responder_ids]': [1, 2], 'filter[subject_zrns]': ['zen:ticket:1', 'zen:request:2'] });
  });
  it('refuses both cursors, a zero size and ids that are not numbers', () => {
    expect(listSurveyResponsesQuery.safeParse({ 'page[after]': 'a', 'page[before]': 'b' }).success).toBe(false);
    expect(listSurveyResponsesQuery.safeParse({ 'page[size]': '0' }).success).toBe(false);
    expect(listSurveyResponsesQuery.safeParse({ 'filter[responder_ids]': '1,x' }).success).toBe(false);
  });
});

describe('createSurveyResponseBody', () => {
  const base = { survey_id: 's', subject_zrns: ['zen:ticket:1', 'zen:ticket:1'], locale: 'pt_BR' };
  it('takes responder_id as a number or a numeric string, dedupes subjects, normalizes the locale', () => {
    expect(createSurveyResponseBody.parse({ survey_response: { ...base, responder_id: '42' } }).survey_response).toMatchObject({
      responder_id: 42,
      subject_zrns: ['zen:ticket:1'],
      locale: 'pt-br',
    });
    expect(createSurveyResponseBody.parse({ survey_response: { ...base, responder_id: 42 } }).survey_response.responder_id).toBe(42);
  });
  it('refuses other ZRNs and responder ids', () => {
    for (const bad of [{ responder_id: '4x' }, { responder_id: 0 }, { subject_zrns: ['zen:user:1'] }]) {
      expect(createSurveyResponseBody.safeParse({ survey_response: { ...base, ...bad } }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
