import type { AdminResponseRow } from '@/db/admin-responses';
import type { Locale } from '../../i18n/locales';
import { responseState } from '../../survey-responses/serialize';
import type { Question } from '../../surveys/definition';
import { localizeQuestion } from '../../surveys/serialize';
import { loadVersion } from '../../surveys/surveys';
import { categoryNames, type LocalizedQuestion, type SurveyInfo } from '../survey-info';

// Responses as the admin reads them: headlines, labels and emoji in the admin's locale, categories
// under the survey's own names (see survey-info.ts). Shared by the table, the detail page and the CSV
// export.

/** An answer in its stored wire form (see renderAnswers). */
export interface WireAnswer {
  type: 'rating_scale' | 'closed_ended' | 'open_ended' | 'skipped';
  question: { id: string };
  rating?: number | null;
  rating_category?: string | null;
  selections?: { option_id: string }[];
  value?: string | null;
}

export const parseAnswers = (json: string) => JSON.parse(json) as WireAnswer[];

/** The questions of a survey version in a locale (versions never change; db/surveys.ts caches them). */
export async function versionQuestions(surveyId: string, version: number, locale: Locale): Promise<LocalizedQuestion[]> {
  const found = await loadVersion(surveyId, version);
  return (found?.definition.questions ?? []).map((q: Question) => localizeQuestion(q, locale, false));
}

/** A stored category (good/neutral/bad) under the survey's name for it; '' for none. */
export function categoryName(survey: SurveyInfo | undefined, category: string | null): string {
  if (category === null) return '';
  const names: Record<string, string> = survey?.categoryNames ?? categoryNames(false);
  return names[category] ?? category;
}

export interface RatingView {
  rating: number;
  label: string;
  emoji?: string;
}

export function ratingView(q: LocalizedQuestion | undefined, rating: number): RatingView {
  const options = q && q.type !== 'open_ended' && q.type !== 'closed_ended' ? q.options : [];
  const option = options.find((o) => o.rating === rating);
  return { rating, label: option?.label.value ?? String(rating), ...(option?.emoji && { emoji: option.emoji.value }) };
}

export function optionLabels(q: LocalizedQuestion | undefined, ids: readonly string[]): string[] {
  const options = q?.type === 'closed_ended' ? q.options : [];
  return ids.map((id) => options.find((o) => o.id === id)?.label.value ?? id);
}

/** The plain value of an answer: the rating, the chosen options' labels, the comment; '' when skipped. */
export function answerText(q: LocalizedQuestion | undefined, a: WireAnswer | undefined): string {
  if (!a) return '';
  if (a.type === 'rating_scale') return a.rating == null ? '' : String(a.rating);
  if (a.type === 'closed_ended') return optionLabels(q, (a.selections ?? []).map((s) => s.option_id)).join('; ');
  if (a.type === 'open_ended') return a.value ?? '';
  return '';
}

/** The reason labels (closed-ended choices) and the first comment of a response. */
export function reasonsAndComment(questions: LocalizedQuestion[], answers: WireAnswer[]) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const reasons: string[] = [];
  let comment = '';
  for (const a of answers) {
    if (a.type === 'closed_ended') reasons.push(...optionLabels(byId.get(a.question.id), (a.selections ?? []).map((s) => s.option_id)));
    else if (a.type === 'open_ended' && !comment && a.value) comment = a.value;
  }
  return { reasons, comment };
}

/** How the response came in: `link` (offered through the Zendesk API) or the SatisMeter method. */
export const methodName = (method: string | null) => method ?? 'link';

/** Who answered, about what, and how: the same on the table and the detail page. */
export function responseFacts(row: AdminResponseRow, now = Date.now()) {
  return {
    responder: { id: row.responderId, name: row.responderName, email: row.responderEmail, anonymousId: row.anonymousId },
    subjects: row.subjectZrns,
    locale: row.locale,
    method: methodName(row.method),
    forced: row.forced,
    answered: row.answeredAt !== null,
    state: responseState(row, now),
    /** Attribution recorded at Create (Zendesk ids), each a filter of the table. */
    attribution: { assignee: row.assigneeId, group: row.groupId, brand: row.brandId, tags: row.tags },
  };
}

export type ResponseFacts = ReturnType<typeof responseFacts>;
