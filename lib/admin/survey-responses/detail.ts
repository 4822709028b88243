import { findAdminResponse } from '@/db/admin-responses';
import type { Actor } from '../../auth/credentials';
import { displayLocale } from '../../i18n/locales';
import { isUlid } from '../../ids';
import { requireAdmin } from '../../users/users';
import {
  categoryName,
  optionLabels,
  parseAnswers,
  ratingView,
  responseFacts,
  versionQuestions,
  type RatingView,
  type ResponseFacts,
} from './view';
import { surveyInfos } from '../survey-info';
import { utcSecond } from '../../time';

export type AnswerView =
  | { kind: 'rating'; rating: RatingView; category: string }
  | { kind: 'options'; labels: string[] }
  | { kind: 'comment'; text: string }
  | { kind: 'skipped' }
  | { kind: 'unanswered' };

export interface AdminResponseDetail extends ResponseFacts {
  id: string;
  survey: { id: string; label: string; version: number; latestVersion?: number };
  questions: { id: string; headline: string; answer: AnswerView }[];
  created: string;
  updated: string;
  expires: string;
  answeredAt?: string;
}

/** One response as the admin reads it; undefined for an unknown or malformed id. */
export async function showAdminResponse({ admin, id }: { admin: Actor; id: string }): Promise<AdminResponseDetail | undefined> {
  requireAdmin(admin);
  const row = isUlid(id) ? await findAdminResponse({ id }) : undefined;
  if (!row) return undefined;
  const locale = displayLocale(admin.locale);
  const survey = (await surveyInfos({ locale })).get(row.surveyId);
  const answers = new Map(parseAnswers(row.answersJson).map((a) => [a.question.id, a]));
  const questions = (await versionQuestions(row.surveyId, row.surveyVersion, locale)).map((q) => {
    const a = answers.get(q.id);
    let answer: AnswerView;
    if (!a) answer = { kind: row.answeredAt === null ? 'unanswered' : 'skipped' };
    else if (a.type === 'rating_scale' && a.rating != null) {
      answer = { kind: 'rating', rating: ratingView(q, a.rating), category: categoryName(survey, a.rating_category ?? null) };
    } else if (a.type === 'closed_ended') answer = { kind: 'options', labels: optionLabels(q, (a.selections ?? []).map((s) => s.option_id)) };
    else if (a.type === 'open_ended') answer = { kind: 'comment', text: a.value ?? '' };
    else answer = { kind: 'skipped' };
    return { id: q.id, headline: q.headline.value, answer };
  });
  return {
    id: row.id,
    survey: { id: row.surveyId, label: survey?.label ?? row.surveyId, version: row.surveyVersion, ...(survey && { latestVersion: survey.latestVersion }) },
    questions,
    ...responseFacts(row),
    created: utcSecond(row.createdAt),
    updated: utcSecond(row.updatedAt),
    expires: utcSecond(row.expiresAt),
    ...(row.answeredAt !== null && { answeredAt: utcSecond(row.answeredAt) }),
  };
}
