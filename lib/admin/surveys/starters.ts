import type { SurveyType } from '@/db/schema';
import { defaultCsatDefinition } from '../../surveys/default-csat';
import type { QuestionInput } from '../../surveys/schemas';

// The first version of a survey made from the admin view: a sensible start the admin then edits.

const text = (value: string) => ({ type: 'static' as const, value });

function npsQuestions(): QuestionInput[] {
  return [
    {
      type: 'rating_scale_numeric',
      alias: 'nps',
      sub_type: 'net_promoter_score',
      headline: text('How likely are you to recommend us to a friend or colleague?'),
      options: Array.from({ length: 11 }, (_, rating) => ({
        rating,
        label: text(rating === 0 ? '0 – Not at all likely' : rating === 10 ? '10 – Extremely likely' : String(rating)),
        follow_up: null,
      })),
    },
    { type: 'open_ended', alias: 'comment', headline: text('What is the main reason for your score?'), follow_up: null },
  ];
}

function customQuestions(): QuestionInput[] {
  const labels = ['Very poor', 'Poor', 'Fair', 'Good', 'Excellent'];
  return [
    {
      type: 'rating_scale_numeric',
      alias: 'rating',
      sub_type: 'other',
      headline: text('How would you rate your experience?'),
      options: labels.map((label, i) => ({ rating: i + 1, label: text(label), follow_up: null })),
    },
    { type: 'open_ended', alias: 'comment', headline: text('Anything else you would like to tell us?'), follow_up: null },
  ];
}

/** CSAT: the default CSAT survey (dynamic-content texts); NPS: 0–10 and a comment; custom: 1–5 and a comment. */
export function starterQuestions(type: SurveyType): QuestionInput[] {
  if (type === 'CUSTOMER_SATISFACTION') return defaultCsatDefinition().questions;
  return type === 'NET_PROMOTER_SCORE' ? npsQuestions() : customQuestions();
}
