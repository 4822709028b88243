import { newId } from '../ids';
import type { TextContent } from '../i18n/dynamic-content';
import { messagesFor } from '../i18n/messages';
import type { SurveyDefinition } from './definition';

// The default CSAT survey, as Zendesk ships it: a 5-point emoji rating, a reason after a bad rating,
// and a comment after every rating. Texts are dynamic content with Zendesk's keys; the stored value
// is the default locale's text, used when a key has no message.

const en = messagesFor('en-us').dc.surveys.customer_satisfaction;

function dc(key: string, value: string): TextContent {
  return { type: 'dynamic', key: `dc.surveys.customer_satisfaction.${key}`, value };
}

const emojiScale = [
  ['very_unsatisfied', '😞'],
  ['unsatisfied', '🙁'],
  ['neutral', '😐'],
  ['satisfied', '🙂'],
  ['very_satisfied', '😀'],
] as const;

const reasons = ['too_long', 'not_resolved', 'knowledge', 'attitude', 'other'] as const;

export function defaultCsatDefinition(): SurveyDefinition {
  const [ratingId, reasonId, commentId] = [newId(), newId(), newId()];
  return {
    questions: [
      {
        id: ratingId,
        alias: 'customer satisfaction rating',
        type: 'rating_scale_emoji',
        sub_type: 'customer_satisfaction',
        headline: dc('questions.rating', en.questions.rating),
        options: emojiScale.map(([key, emoji], i) => ({
          rating: i + 1,
          label: dc(`question.rating.options.${key}`, en.question.rating.options[key]),
          emoji: { type: 'static', value: emoji },
          // 1–3 are bad on a 5-point scale: ask why; 4–5 go straight to the comment.
          follow_up: { question_id: i < 3 ? reasonId : commentId },
        })),
      },
      {
        id: reasonId,
        alias: 'reason',
        type: 'closed_ended',
        headline: dc('questions.reason', en.questions.reason),
        options: reasons.map((key) => ({
          id: newId(),
          label: dc(`question.reason.options.${key}`, en.question.reason.options[key]),
          follow_up: { question_id: commentId },
        })),
      },
      {
        id: commentId,
        alias: 'comment',
        type: 'open_ended',
        headline: dc('questions.comment', en.questions.comment),
        follow_up: null,
      },
    ],
  };
}
