import type { CampaignSettings } from '@/db/schema';
import { resolveText, type TextContent } from '../../i18n/dynamic-content';
import type { Locale } from '../../i18n/locales';
import type { Question, SurveyDefinition } from '../../surveys/definition';
import {
  NPS_SCALE,
  ratingAt,
  scaleSizes,
  type DraftSurveyType,
  type OptionDraft,
  type QuestionDraft,
  type SurveyDraft,
  type TextDraft,
} from './form-model';

// The editor's draft ↔ a stored definition ↔ the body of PUT /api/v2/guide/surveys/{id}. The draft is
// what the form holds; the API body is what the same zod schemas and lib function then validate.

const textDraft = (t: TextContent): TextDraft => (t.type === 'dynamic' ? { kind: 'dynamic', key: t.key, value: t.value } : { kind: 'static', key: '', value: t.value });

export function definitionToDraft(input: { type: DraftSurveyType; version: number; definition: SurveyDefinition; settings: CampaignSettings }): SurveyDraft {
  const { questions } = input.definition;
  const indexOf = new Map(questions.map((q, i) => [q.id, String(i)]));
  const follow = (f: { question_id: string } | null) => (f ? (indexOf.get(f.question_id) ?? '') : '');
  const question = (q: Question): QuestionDraft => {
    const base = { id: q.id, alias: q.alias, type: q.type, subType: 'other' as const, scale: 0, headline: textDraft(q.headline), options: [], follow: '' };
    if (q.type === 'open_ended') return { ...base, follow: follow(q.follow_up) };
    if (q.type === 'closed_ended') {
      return { ...base, options: q.options.map((o) => ({ id: o.id, label: textDraft(o.label), emoji: '', follow: follow(o.follow_up) })) };
    }
    const options = q.options.map((o) => ({ id: '', label: textDraft(o.label), emoji: o.emoji?.value ?? '', follow: follow(o.follow_up) }));
    return { ...base, subType: q.sub_type, scale: q.options.length, options };
  };
  return {
    type: input.type,
    baseVersion: input.version,
    questions: questions.map(question),
    settings: {
      allowAnonymous: input.settings.allow_anonymous,
      resurveyDays: String(input.settings.resurvey_days),
      targeting: input.settings.targeting.map((r) => ({ trait: r.trait, op: r.op, value: r.value === undefined ? '' : String(r.value) })),
    },
  };
}

const defaultEmoji: Record<number, string[]> = {
  2: ['👎', '👍'],
  3: ['😞', '😐', '😀'],
  5: ['😞', '🙁', '😐', '🙂', '😀'],
};

/** The options a question's type and scale call for; true when they had to change. */
export function reshapeQuestion(q: QuestionDraft): { question: QuestionDraft; changed: boolean } {
  if (q.type === 'open_ended') return { question: { ...q, options: [] }, changed: q.options.length > 0 };
  if (q.type === 'closed_ended') {
    if (q.options.length > 0) return { question: { ...q, scale: 0 }, changed: false };
    return { question: { ...q, scale: 0, options: [{ id: '', label: { kind: 'static', key: '', value: 'Option 1' }, emoji: '', follow: '' }] }, changed: true };
  }
  const size = q.subType === 'net_promoter_score' ? NPS_SCALE : (scaleSizes as readonly number[]).includes(q.scale) ? q.scale : 5;
  const emoji = q.type === 'rating_scale_emoji';
  let changed = size !== q.options.length;
  const options = Array.from({ length: size }, (_, k): OptionDraft => {
    const kept = q.options[k] ?? { id: '', label: { kind: 'static', key: '', value: String(ratingAt(q, k)) }, emoji: '', follow: '' };
    const fill = emoji && kept.emoji.trim() === '';
    if (fill) changed = true;
    return { ...kept, id: '', emoji: fill ? (defaultEmoji[size]?.[k] ?? '⭐') : emoji ? kept.emoji : '' };
  });
  return { question: { ...q, scale: size, options }, changed };
}

const textInput = (t: TextDraft) => (t.kind === 'dynamic' ? { type: 'dynamic', key: t.key.trim(), value: t.value } : { type: 'static', value: t.value });

/**
 * The draft as the API's `survey` body. Follow-ups name their target by id, or by alias for a question
 * not saved yet; anything unexpected is passed on for the schemas and normalizeQuestions to reject.
 */
export function draftToInput(draft: SurveyDraft): { questions: unknown[]; settings?: unknown } {
  const followUp = (f: string) => {
    if (f === '') return null;
    const target = /^\d+$/.test(f) ? draft.questions[Number(f)] : undefined;
    return { question_id: target ? target.id || target.alias : f };
  };
  const questions = draft.questions.map((q) => {
    const base = { type: q.type, ...(q.id && { id: q.id }), alias: q.alias, headline: textInput(q.headline) };
    if (q.type === 'open_ended') return { ...base, follow_up: followUp(q.follow) };
    if (q.type === 'closed_ended') {
      return { ...base, options: q.options.map((o) => ({ ...(o.id && { id: o.id }), label: textInput(o.label), follow_up: followUp(o.follow) })) };
    }
    const emoji = q.type === 'rating_scale_emoji';
    const options = q.options.map((o, k) => ({
      rating: ratingAt(q, k),
      label: textInput(o.label),
      ...(emoji && o.emoji.trim() !== '' && { emoji: { type: 'static', value: o.emoji } }),
      follow_up: followUp(o.follow),
    }));
    return { ...base, sub_type: q.subType, options };
  });
  if (draft.type === 'CUSTOMER_SATISFACTION') return { questions };
  const { settings } = draft;
  const days = settings.resurveyDays.trim();
  return {
    questions,
    settings: {
      allow_anonymous: settings.allowAnonymous,
      resurvey_days: days === '' ? Number.NaN : Number(days),
      targeting: settings.targeting.map(({ trait, op, value }) => {
        if (op === 'exists') return { trait, op };
        if (op === 'gte' || op === 'lte') return { trait, op, value: value.trim() === '' ? Number.NaN : Number(value) };
        return { trait, op, value };
      }),
    },
  };
}

/** What each dynamic-content key of the draft reads in `locale` (the customers' messages), where that differs from its stored text. */
export function shownTexts(draft: SurveyDraft, locale: Locale): Record<string, string> {
  const texts: Record<string, string> = {};
  const add = (field: string, t: TextDraft) => {
    if (t.kind !== 'dynamic' || t.key.trim() === '') return;
    const shown = resolveText({ type: 'dynamic', key: t.key.trim(), value: t.value }, locale).value;
    if (shown !== t.value) texts[field] = shown;
  };
  draft.questions.forEach((q, i) => {
    add(`q.${i}.headline`, q.headline);
    q.options.forEach((o, k) => add(`q.${i}.o.${k}.label`, o.label));
  });
  return texts;
}
