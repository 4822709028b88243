import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { defaultCsatDefinition } from '../../surveys/default-csat';
import { normalizeQuestions } from '../../surveys/normalize';
import { updateSurveyBody } from '../../surveys/schemas';
import { DEFAULT_SETTINGS } from '../../surveys/surveys';
import { definitionToDraft, draftToInput, reshapeQuestion, shownTexts } from './form';
import { apiFieldErrors, applyEditorOp, parseEditorForm, zodFieldErrors, type EditorFields } from './form-fields';
import { describeField, type QuestionDraft, type SurveyDraft, type TextDraft } from './form-model';
import { starterQuestions } from './starters';

/** The fields the editor's form posts for a draft (the names the components render). */
function fieldsOf(draft: SurveyDraft, op = 'save'): EditorFields {
  const f: EditorFields = { op: [op], base_version: [String(draft.baseVersion)] };
  const text = (p: string, t: TextDraft) => Object.assign(f, { [`${p}.kind`]: [t.kind], [`${p}.key`]: [t.key], [`${p}.value`]: [t.value] });
  draft.questions.forEach((q, i) => {
    const p = `q.${i}`;
    Object.assign(f, { [`${p}.id`]: [q.id], [`${p}.type`]: [q.type], [`${p}.alias`]: [q.alias], [`${p}.sub_type`]: [q.subType], [`${p}.scale`]: [String(q.scale)], [`${p}.follow`]: [q.follow] });
    text(`${p}.headline`, q.headline);
    q.options.forEach((o, k) => {
      Object.assign(f, { [`${p}.o.${k}.id`]: [o.id], [`${p}.o.${k}.emoji`]: [o.emoji], [`${p}.o.${k}.follow`]: [o.follow] });
      text(`${p}.o.${k}.label`, o.label);
    });
  });
  if (draft.settings.allowAnonymous) f['s.allow_anonymous'] = ['on'];
  f['s.resurvey_days'] = [draft.settings.resurveyDays];
  draft.settings.targeting.forEach((r, k) => Object.assign(f, { [`s.t.${k}.trait`]: [r.trait], [`s.t.${k}.op`]: [r.op], [`s.t.${k}.value`]: [r.value] }));
  return f;
}

const csat = () => {
  const definition = defaultCsatDefinition();
  return { definition, draft: definitionToDraft({ type: 'CUSTOMER_SATISFACTION', version: 3, definition, settings: DEFAULT_SETTINGS }) };
};

const asApiBody = (draft: SurveyDraft) => updateSurveyBody.parse({ survey: draftToInput(draft) }).survey;

describe('survey form ↔ definition', () => {
  it('a definition survives draft → form fields → draft → API body → normalize unchanged', () => {
    const { definition, draft } = csat();
    expect(draft.questions.map((q) => [q.type, q.options.length, q.follow])).toEqual([
      ['rating_scale_emoji', 5, ''],
      ['closed_ended', 5, ''],
      ['open_ended', 0, ''],
    ]);
    expect(draft.questions[0]!.options.map((o) => o.follow)).toEqual(['1', '1', '1', '2', '2']);
    const posted = parseEditorForm(fieldsOf(draft), 'CUSTOMER_SATISFACTION');
    expect(posted.op).toBe('save');
    expect(posted.draft).toEqual(draft);
    const body = asApiBody(posted.draft);
    expect(body.settings).toBeUndefined();
    expect(normalizeQuestions(body.questions!, 'CUSTOMER_SATISFACTION', definition)).toEqual(definition);
  });

  it("shows each dynamic key's text in the admin's locale where it differs from the stored text", () => {
    const { draft } = csat();
    draft.questions[2]!.headline = { kind: 'dynamic', key: 'dc.admin.invented', value: 'Invented' };
    const texts = shownTexts(draft, 'de');
    expect(texts['q.0.headline']).toBe('Wie bewerten Sie den erhaltenen Support?');
    expect(texts['q.0.o.4.label']).toBe('Sehr zufrieden');
    expect(texts['q.2.headline']).toBeUndefined();
    expect(shownTexts(csat().draft, 'en-us')).toEqual({});
    draft.questions[0]!.headline = { kind: 'static', key: '', value: 'Static' };
    expect(shownTexts(draft, 'de')['q.0.headline']).toBeUndefined();
  });

  it('maps campaign settings both ways, numbers where the targeting op compares numbers', () => {
    const definition = normalizeQuestions(starterQuestions('NET_PROMOTER_SCORE'), 'NET_PROMOTER_SCORE');
    const settings = { allow_anonymous: true, resurvey_days: 0.5, targeting: [{ trait: 'plan', op: 'eq' as const, value: 'pro' }, { trait: 'seats', op: 'gte' as const, value: 5 }, { trait: 'beta', op: 'exists' as const }] };
    const draft = definitionToDraft({ type: 'NET_PROMOTER_SCORE', version: 1, definition, settings });
    expect(draft.questions[0]).toMatchObject({ subType: 'net_promoter_score', scale: 11 });
    expect(asApiBody(parseEditorForm(fieldsOf(draft), 'NET_PROMOTER_SCORE').draft).settings).toEqual(settings);
  });

  it('reshapes options to a new scale, type or kind of rating, keeping what fits', () => {
    const { draft } = csat();
    const rating = draft.questions[0]!;
    const three = reshapeQuestion({ ...rating, scale: 3 });
    expect(three.changed).toBe(true);
    expect(three.question.options.map((o) => o.label.value)).toEqual(rating.options.slice(0, 3).map((o) => o.label.value));
    expect(reshapeQuestion(rating)).toEqual({ question: rating, changed: false });
    const nps = reshapeQuestion({ ...rating, type: 'rating_scale_numeric', subType: 'net_promoter_score' }).question;
    expect(nps.options).toHaveLength(11);
    expect(nps.options[10]!.label.value).toBe('10');
    const emoji = reshapeQuestion({ ...nps, type: 'rating_scale_emoji', subType: 'other', scale: 2 });
    expect(emoji).toMatchObject({ changed: true, question: { scale: 2 } });
    expect(emoji.question.options.map((o) => o.emoji)).toEqual(['👎', '👍']);
    const closed = reshapeQuestion({ ...draft.questions[2]!, type: 'closed_ended' } as QuestionDraft);
    expect(closed).toMatchObject({ changed: true, question: { options: [{ label: { value: 'Option 1' } }] } });
    expect(reshapeQuestion({ ...draft.questions[1]!, type: 'open_ended' }).question.options).toEqual([]);
  });

  it('adds and removes parts; removing a question sends its follow-ups to the next question', () => {
    const { draft } = csat();
    const removed = applyEditorOp(draft, 'remove-question:1')!;
    expect(removed.questions.map((q) => q.type)).toEqual(['rating_scale_emoji', 'open_ended']);
    expect(removed.questions[0]!.options.map((o) => o.follow)).toEqual(['', '', '', '1', '1']);
    const added = applyEditorOp(draft, 'add-question', 'closed_ended')!;
    expect(added.questions[3]).toMatchObject({ id: '', alias: 'question 4', type: 'closed_ended' });
    expect(applyEditorOp(draft, 'add-option:1')!.questions[1]!.options).toHaveLength(6);
    expect(applyEditorOp(draft, 'add-option:0')).toBeUndefined();
    expect(applyEditorOp(draft, 'remove-option:1:0')!.questions[1]!.options).toHaveLength(4);
    expect(applyEditorOp(applyEditorOp(draft, 'add-rule')!, 'remove-rule:0')!.settings.targeting).toEqual([]);
    expect(applyEditorOp(draft, 'remove-question:9')).toBeUndefined();
  });

  it('parses untrusted fields into a bounded draft: unknown values fall back, the button is checked', () => {
    const { draft } = csat();
    const fields = { ...fieldsOf(draft, 'drop-table'), 'q.0.type': ['script'], 'q.0.scale': ['many'] };
    const parsed = parseEditorForm(fields, 'CUSTOMER_SATISFACTION');
    expect(parsed.op).toBe('refresh');
    expect(parsed.draft.questions[0]).toMatchObject({ type: 'open_ended', scale: 0 });
  });

  it('puts schema and normalize problems on the fields they concern', () => {
    const { definition, draft } = csat();
    draft.questions[0]!.headline = { kind: 'dynamic', key: 'Not a key!', value: 'Rate us' };
    const parsed = updateSurveyBody.safeParse({ survey: draftToInput(draft) });
    expect(parsed.success).toBe(false);
    const errors = zodFieldErrors(parsed.error!);
    expect(errors).toEqual([{ field: 'q.0.headline.key', message: 'must be a dotted dynamic-content key such as dc.surveys.x' }]);
    expect(describeField(errors[0]!.field)).toBe('Question 1 (headline key)');

    const backwards = csat().draft;
    backwards.questions[1]!.options[0]!.follow = '0';
    try {
      normalizeQuestions(asApiBody(backwards).questions!, 'CUSTOMER_SATISFACTION', definition);
      expect.unreachable();
    } catch (error) {
      expect(apiFieldErrors(error as ApiError)).toEqual([{ field: 'q.1.o.0.follow', message: 'a follow_up must point to a later question' }]);
    }
    const empty = csat().draft;
    empty.settings.resurveyDays = '';
    expect(draftToInput({ ...empty, type: 'CUSTOM' }).settings).toMatchObject({ resurvey_days: Number.NaN });
    expect(describeField('s.t.1.value')).toBe('Targeting rule 2 (value)');
  });
});
