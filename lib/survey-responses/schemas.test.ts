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

describe('listSurveyResponsesQuery: attribution, state and the change feed', () => {
  it('splits the new comma lists and takes the updated_at sorts and bounds', () => {
    expect(
      listSurveyResponsesQuery.parse({
        'filter[assignee_ids]': '7, 9007199254740991',
        'filter[group_ids]': '3',
        'filter[brand_ids]': '4,5',
        'filter[tags]': 'VIP,lang:de',
        'filter[state]': 'offered,expired',
        'filter[updated_at_start]': '0',
        'filter[updated_at_end]': '1764547200',
        sort: '-updated_at',
      }),
    ).toEqual({
      'filter[assignee_ids]': [7, 2 ** 53 - 1],
      'filter[group_ids]': [3],
      'filter[brand_ids]': [4, 5],
      'filter[tags]': ['vip', 'lang:de'],
      'filter[state]': ['offered', 'expired'],
      'filter[updated_at_start]': 0,
      'filter[updated_at_end]': 1764547200,
      sort: '-updated_at',
      'page[size]': 100,
    });
  });
  it('refuses unknown states and sorts, bad tags, ids past 2^53 - 1', () => {
    for (const bad of [
      { 'filter[state]': 'open' },
      { sort: 'created_at' },
      { 'filter[tags]': 'no spaces' },
      { 'filter[tags]': 'x'.repeat(81) },
      { 'filter[assignee_ids]': '9007199254740992' },
      { 'filter[group_ids]': '0' },
      { 'filter[updated_at_end]': '9007199254740992' },
      { 'filter[updated_at_start]': '-1' },
    ]) {
      expect(listSurveyResponsesQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
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
  it('takes attribution: ids as numbers or digits, tags lower-cased and deduplicated', () => {
    const parsed = createSurveyResponseBody.parse({
      survey_response: { ...base, assignee_id: '9007199254740991', group_id: 12, brand_id: null, tags: ['VIP', 'vip', 'lang:de', 'a_b-c'] },
    }).survey_response;
    expect(parsed).toMatchObject({ assignee_id: 2 ** 53 - 1, group_id: 12, brand_id: null, tags: ['vip', 'lang:de', 'a_b-c'] });
    expect(createSurveyResponseBody.parse({ survey_response: base }).survey_response.tags).toBeUndefined();
  });
  it('refuses attribution out of range or shape', () => {
    for (const bad of [
      { assignee_id: 0 },
      { group_id: 2 ** 53 },
      { brand_id: '9007199254740992' },
      { assignee_id: 1.5 },
      { group_id: '01' },
      { tags: ['has space'] },
      { tags: [''] },
      { tags: ['x'.repeat(81)] },
      { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      { tags: 'vip' },
    ]) {
      expect(createSurveyResponseBody.safeParse({ survey_response: { ...base, ...bad } }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
