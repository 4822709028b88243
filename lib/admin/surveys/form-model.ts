import { ratingQuestionTypes, ratingSubTypes } from '../../surveys/definition';

// The survey editor's draft: what the form shows and posts back, one field per input. Plain data and
// constants only (no zod, no db), so the client editor can import it without pulling server code.

export const questionTypes = [...ratingQuestionTypes, 'closed_ended', 'open_ended'] as const;
type QuestionType = (typeof questionTypes)[number];
export { ratingSubTypes };
export type RatingSubType = (typeof ratingSubTypes)[number];
export const scaleSizes = [2, 3, 5] as const;
export const NPS_SCALE = 11;
export const targetingOps = ['eq', 'neq', 'exists', 'gte', 'lte', 'before', 'after'] as const;
type TargetingOp = (typeof targetingOps)[number];
export const MAX_QUESTIONS = 20;
export const MAX_CLOSED_OPTIONS = 50;
export const MAX_RULES = 50;

export type DraftSurveyType = 'CUSTOMER_SATISFACTION' | 'NET_PROMOTER_SCORE' | 'CUSTOM';

export interface TextDraft {
  kind: 'static' | 'dynamic';
  key: string;
  value: string;
}

export interface OptionDraft {
  /** Closed-ended options keep their id across versions; rating options have none (rated by position). */
  id: string;
  label: TextDraft;
  /** Emoji of an emoji-scale option (static text). */
  emoji: string;
  /** '' for "the next question", else the index of a later question in the draft. */
  follow: string;
}

export interface QuestionDraft {
  id: string;
  alias: string;
  type: QuestionType;
  subType: RatingSubType;
  /** Number of rating options: 2, 3 or 5, or 11 (0–10) for net_promoter_score. */
  scale: number;
  headline: TextDraft;
  options: OptionDraft[];
  /** Follow-up of an open-ended question, as in OptionDraft. */
  follow: string;
}

interface RuleDraft {
  trait: string;
  op: TargetingOp;
  value: string;
}

export interface SurveyDraft {
  type: DraftSurveyType;
  /** The version the draft was made from: saving over a newer version is refused. */
  baseVersion: number;
  questions: QuestionDraft[];
  settings: { allowAnonymous: boolean; resurveyDays: string; targeting: RuleDraft[] };
}

export interface FieldError {
  /** The form field (or its prefix) the message belongs to, e.g. `q.0.headline.key`, `s.t.1.value`. */
  field: string;
  message: string;
}

export interface EditorState {
  draft: SurveyDraft;
  errors: FieldError[];
  notice?: string;
  /** Dynamic texts as the admin's locale shows them, by field prefix (`q.0.headline`, `q.0.o.1.label`). */
  shown: { locale: string; texts: Record<string, string> };
  /** Bumped on every round trip so the form remounts with the server's draft. */
  rev: number;
}

export const isRatingType = (type: QuestionType) => type.startsWith('rating_scale');

/** Campaign settings apply to surveys answered in apps (SatisMeter ingestion): NPS and custom ones. */
export const hasCampaign = (type: DraftSurveyType) => type !== 'CUSTOMER_SATISFACTION';

/** The rating of a scale position: NPS runs 0–10, every other scale 1–N. */
export const ratingAt = (q: Pick<QuestionDraft, 'subType'>, k: number) => (q.subType === 'net_promoter_score' ? k : k + 1);

/** Where an error belongs, in words: `q.0.o.2.label.value` → "Question 1, option 3 (label value)". */
export function describeField(field: string): string {
  const question = /^q\.(\d+)(?:\.o\.(\d+))?(?:\.(.+))?$/.exec(field);
  if (question) {
    const [, i, k, rest] = question;
    return `Question ${Number(i) + 1}${k === undefined ? '' : `, option ${Number(k) + 1}`}${rest ? ` (${rest.replaceAll('.', ' ').replace('sub_type', 'kind of rating')})` : ''}`;
  }
  const rule = /^s\.t\.(\d+)(?:\.(.+))?$/.exec(field);
  if (rule) return `Targeting rule ${Number(rule[1]) + 1}${rule[2] ? ` (${rule[2]})` : ''}`;
  if (field.startsWith('s.')) return `Campaign settings (${field.slice(2).replaceAll('_', ' ')})`;
  return field === 'q' ? 'Questions' : field;
}
