import { describe, expect, it } from 'vitest';
import { showSurvey, updateSurvey } from '../../surveys/surveys';
import { createStarterSurvey, setSurveyState, submitSurveyEditor, surveyEditor, surveyPreview } from './surveys';

const admin = { id: 1, email: 'admin@example.com', role: 'admin' as const, locale: 'de' };
const agent = { ...admin, role: 'agent' as const };

describe('admin survey use-cases', () => {
  it('creates starters of each type; only admins edit', async () => {
    const nps = await createStarterSurvey({ actor: admin, type: 'NET_PROMOTER_SCORE' });
    expect(nps.questions.map((q) => [q.type, 'sub_type' in q ? q.sub_type : null, 'options' in q ? (q.options?.length ?? 0) : 0])).toEqual([
      ['rating_scale_numeric', 'net_promoter_score', 11],
      ['open_ended', null, 0],
    ]);
    const csat = await createStarterSurvey({ actor: admin, type: 'CUSTOMER_SATISFACTION' });
    expect(csat.questions[0]!.headline.value).toBe('Wie bewerten Sie den erhaltenen Support?');
    expect((await createStarterSurvey({ actor: admin, type: 'CUSTOM' })).questions).toHaveLength(2);
    await expect(surveyEditor({ actor: agent, id: csat.id })).rejects.toMatchObject({ status: 403 });
  });

  it('round trips without saving, refuses a stale draft, saves a new version, previews any version', async () => {
    const { id } = await createStarterSurvey({ actor: admin, type: 'CUSTOM' });
    const fields = (over: Record<string, string>) => ({
      base_version: ['1'],
      'q.0.type': ['open_ended'],
      'q.0.alias': ['feedback'],
      'q.0.headline.kind': ['static'],
      'q.0.headline.value': ['Tell us more'],
      's.resurvey_days': ['90'],
      ...Object.fromEntries(Object.entries(over).map(([k, v]) => [k, [v]])),
    });
    const added = await submitSurveyEditor({ actor: admin, id, fields: fields({ op: 'add-question', add_type: 'rating_scale_numeric' }), rev: 4 });
    expect(added).toMatchObject({ saved: false, state: { rev: 5, errors: [] } });
    if (added.saved) throw new Error('not saved');
    expect(added.state.draft.questions[1]).toMatchObject({ type: 'rating_scale_numeric', scale: 5 });
    expect(added.state.draft.questions[1]!.options).toHaveLength(5);

    const stale = await submitSurveyEditor({ actor: admin, id, fields: fields({ op: 'save', base_version: '7' }), rev: 0 });
    expect(stale).toMatchObject({ saved: false, state: { errors: [{ field: '', message: expect.stringContaining('version 1') }] } });

    expect(await submitSurveyEditor({ actor: admin, id, fields: fields({ op: 'save' }), rev: 0 })).toEqual({ saved: true, version: 2 });
    expect((await showSurvey({ id, version: 2, locale: 'en-us' })).questions).toMatchObject([{ alias: 'feedback', headline: { value: 'Tell us more' } }]);
    expect((await surveyPreview({ actor: admin, id, version: 1, locale: 'ja' })).view.questions).toHaveLength(2);
    expect((await surveyPreview({ actor: admin, id, version: 99, locale: 'ja' })).version).toBe(2);
    expect((await setSurveyState({ actor: admin, id, state: 'disabled' })).state).toBe('disabled');
    expect((await surveyEditor({ actor: admin, id })).versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('of two saves from the same version, only the first is written; the other is told', async () => {
    const { id } = await createStarterSurvey({ actor: admin, type: 'CUSTOM' });
    const fields = (headline: string) => ({
      op: ['save'],
      base_version: ['1'],
      'q.0.type': ['open_ended'],
      'q.0.alias': ['feedback'],
      'q.0.headline.kind': ['static'],
      'q.0.headline.value': [headline],
      's.resurvey_days': ['90'],
    });
    const [first, second] = await Promise.all([
      submitSurveyEditor({ actor: admin, id, fields: fields('From admin one'), rev: 0 }),
      submitSurveyEditor({ actor: admin, id, fields: fields('From admin two'), rev: 0 }),
    ]);
    expect(first).toEqual({ saved: true, version: 2 });
    expect(second).toMatchObject({ saved: false, state: { errors: [{ field: '', message: expect.stringContaining('changed elsewhere and is now at version 2') }] } });
    expect((await showSurvey({ id, version: 99, locale: 'en-us' })).questions).toMatchObject([{ headline: { value: 'From admin one' } }]);
    expect((await surveyEditor({ actor: admin, id })).versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('writes only at the expected version, in the same transaction (the API passes none)', async () => {
    const { id } = await createStarterSurvey({ actor: admin, type: 'CUSTOM' });
    const questions = [{ type: 'open_ended' as const, alias: 'why', headline: { type: 'static' as const, value: 'Why?' } }];
    await expect(updateSurvey({ actor: admin, id, survey: { questions }, expectedVersion: 2 })).rejects.toMatchObject({ status: 409 });
    expect((await updateSurvey({ actor: admin, id, survey: { questions }, expectedVersion: 1 })).version).toBe(2);
    await expect(updateSurvey({ actor: admin, id, survey: { questions }, expectedVersion: 1 })).rejects.toMatchObject({ status: 409 });
    expect((await updateSurvey({ actor: admin, id, survey: { questions } })).version).toBe(3);
    expect((await updateSurvey({ actor: admin, id, survey: { state: 'disabled' } })).version).toBe(3);
  });
});
