import type { TextContent } from '../i18n/dynamic-content';

// The questions of one survey version, stored as one immutable JSON document in Zendesk's wire shape.

export const ratingQuestionTypes = ['rating_scale_emoji', 'rating_scale_numeric', 'rating_scale_custom_text'] as const;
export type RatingQuestionType = (typeof ratingQuestionTypes)[number];

export const ratingSubTypes = ['customer_satisfaction', 'net_promoter_score', 'other'] as const;
export type RatingSubType = (typeof ratingSubTypes)[number];

// Which question comes next after an option (or an open question). `null` means the next question in
// order, so a plain list of questions is asked in sequence; follow-ups only ever point forward.
export type FollowUp = { question_id: string } | null;

export interface RatingOption {
  rating: number;
  label: TextContent;
  emoji?: TextContent;
  follow_up: FollowUp;
}

export interface ClosedOption {
  id: string;
  label: TextContent;
  follow_up: FollowUp;
}

export interface RatingQuestion {
  id: string;
  alias: string;
  type: RatingQuestionType;
  sub_type: RatingSubType;
  headline: TextContent;
  options: RatingOption[];
}

export interface ClosedQuestion {
  id: string;
  alias: string;
  type: 'closed_ended';
  headline: TextContent;
  options: ClosedOption[];
}

export interface OpenQuestion {
  id: string;
  alias: string;
  type: 'open_ended';
  headline: TextContent;
  follow_up: FollowUp;
}

export type Question = RatingQuestion | ClosedQuestion | OpenQuestion;

export interface SurveyDefinition {
  questions: Question[];
}

export function isRatingQuestion(q: Question): q is RatingQuestion {
  return (ratingQuestionTypes as readonly string[]).includes(q.type);
}

/** The link type of the emailed rating links for a rating question type. */
export function linkTypeOf(type: RatingQuestionType) {
  return (
    {
      rating_scale_emoji: 'rating_link_emoji',
      rating_scale_numeric: 'rating_link_numeric',
      rating_scale_custom_text: 'rating_link_custom_text',
    } as const
  )[type];
}
