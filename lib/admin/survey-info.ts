import type { SurveyState, SurveyType } from '@/db/schema';
import { listSurveys } from '@/db/surveys';
import type { Locale } from '../i18n/locales';
import { isRatingQuestion, type SurveyDefinition } from '../surveys/definition';
import { localizeQuestion } from '../surveys/serialize';
import { loadVersion } from '../surveys/surveys';

// What the admin view says about a survey, in one place: surveys have no name, so they are labelled
// by type and first headline; one rule decides whether a survey counts as NPS, and so how its rating
// categories are named. The overview, the responses table, its filters, the detail page and the CSV
// export all read it from here.

export type LocalizedQuestion = ReturnType<typeof localizeQuestion>;
export type RatingCategory = 'good' | 'neutral' | 'bad';

export interface SurveyInfo {
  id: string;
  type: SurveyType;
  state: SurveyState;
  /** Type, first headline, end of the id, and "(disabled)" when it is: "CSAT: How would you rate… (…3F9ZQX)". */
  label: string;
  /** Type and end of the id, for narrow table cells: "CSAT …3F9ZQX". */
  shortLabel: string;
  /** NPS type, or a first rating question of the net_promoter_score sub type. */
  nps: boolean;
  latestVersion: number;
  /** The latest version's definition, as stored. */
  definition: SurveyDefinition;
  /** The latest version's questions in the admin's locale. */
  questions: LocalizedQuestion[];
  categoryNames: Record<RatingCategory, string>;
}

const TYPE_NAMES: Record<SurveyType, string> = { CUSTOMER_SATISFACTION: 'CSAT', NET_PROMOTER_SCORE: 'NPS', CUSTOM: 'Custom' };
const NPS_NAMES: Record<RatingCategory, string> = { good: 'Promoters', neutral: 'Passives', bad: 'Detractors' };
const PLAIN_NAMES: Record<RatingCategory, string> = { good: 'Good', neutral: 'Neutral', bad: 'Bad' };

/** The names of the rating categories: promoters, passives and detractors on an NPS survey. */
export const categoryNames = (nps: boolean): Record<RatingCategory, string> => (nps ? NPS_NAMES : PLAIN_NAMES);

/** A rating as the admin reads it: "😀 5 · Very satisfied", or "😀 5" when the label is the number (NPS scales). */
export function ratingText({ rating, label, emoji }: { rating: number; label: string; emoji?: string }): string {
  return `${emoji ? `${emoji} ` : ''}${rating}${label === String(rating) ? '' : ` · ${label}`}`;
}

/** Every survey with its latest version, by id, in the order the database lists them. */
export async function surveyInfos({ locale }: { locale: Locale }): Promise<Map<string, SurveyInfo>> {
  const infos = new Map<string, SurveyInfo>();
  for (const s of await listSurveys()) {
    const definition: SurveyDefinition = (await loadVersion(s.id, s.latestVersion))?.definition ?? { questions: [] };
    const questions = definition.questions.map((q) => localizeQuestion(q, locale, false));
    const nps = s.type === 'NET_PROMOTER_SCORE' || definition.questions.find(isRatingQuestion)?.sub_type === 'net_promoter_score';
    const headline = questions[0]?.headline.value ?? '';
    const short = headline.length > 48 ? `${headline.slice(0, 47)}…` : headline;
    infos.set(s.id, {
      id: s.id,
      type: s.type,
      state: s.state,
      label: `${TYPE_NAMES[s.type]}: ${short} (…${s.id.slice(-6)})${s.state === 'disabled' ? ' (disabled)' : ''}`,
      shortLabel: `${TYPE_NAMES[s.type]} …${s.id.slice(-6)}`,
      nps,
      latestVersion: s.latestVersion,
      definition,
      questions,
      categoryNames: categoryNames(nps),
    });
  }
  return infos;
}
