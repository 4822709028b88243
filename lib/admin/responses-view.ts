import type { SurveyType } from '@/db/schema';
import { listSurveys } from '@/db/surveys';
import type { Locale } from '../i18n/locales';
import type { Question } from '../surveys/definition';
import { localizeQuestion } from '../surveys/serialize';
import { loadVersion } from '../surveys/surveys';

// Survey content as the admin reads it: headlines, labels and emoji in the admin's locale, categories
// under the survey's own names (NPS: promoters, passives, detractors). Shared by the table, the detail
// page and the CSV export.

export type LocalizedQuestion = ReturnType<typeof localizeQuestion>;

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

export interface SurveyInfo {
  id: string;
  type: SurveyType;
  label: string;
  /** The type and the end of the id, for narrow table cells. */
  short: string;
  latestVersion: number;
  /** The latest version's questions, localized. */
  questions: LocalizedQuestion[];
}

const TYPE_NAMES: Record<SurveyType, string> = { CUSTOMER_SATISFACTION: 'CSAT', NET_PROMOTER_SCORE: 'NPS', CUSTOM: 'Custom' };

/** The questions of a survey version in a locale (versions are immutable and cached below). */
export async function versionQuestions(surveyId: string, version: number, locale: Locale): Promise<LocalizedQuestion[]> {
  const found = await loadVersion(surveyId, version);
  return (found?.definition.questions ?? []).map((q: Question) => localizeQuestion(q, locale, false));
}

/** Every survey, labelled by its type, first headline and the end of its id (surveys have no name). */
export async function surveyInfos(locale: Locale): Promise<Map<string, SurveyInfo>> {
  const infos = new Map<string, SurveyInfo>();
  for (const s of await listSurveys()) {
    const questions = await versionQuestions(s.id, s.latestVersion, locale);
    const headline = questions[0]?.headline.value ?? '';
    const label = `${TYPE_NAMES[s.type]}: ${headline.length > 48 ? `${headline.slice(0, 47)}…` : headline} (…${s.id.slice(-6)})`;
    infos.set(s.id, { id: s.id, type: s.type, label, short: `${TYPE_NAMES[s.type]} …${s.id.slice(-6)}`, latestVersion: s.latestVersion, questions });
  }
  return infos;
}

const NPS_NAMES: Record<string, string> = { good: 'promoter', neutral: 'passive', bad: 'detractor' };

/** A stored category (good/neutral/bad) under the survey's name for it. */
export function categoryName(type: SurveyType | undefined, category: string | null): string {
  if (category === null) return '';
  return type === 'NET_PROMOTER_SCORE' ? (NPS_NAMES[category] ?? category) : category;
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
