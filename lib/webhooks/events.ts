import { ALERT_EVENT_TYPE, type OutboxEvent } from '@/db/schema';
import { env } from '../env';
import { newId } from '../ids';
import { iso } from '../time';

// The events webhooks subscribe to, and their request bodies in Zendesk's event envelope. `detail` is
// the unlocalized Show body as of the change (JSON text already); `event` says what changed.

export const EVENT_TYPES = {
  offered: 'zen:event-type:survey_response.offered',
  answered: 'zen:event-type:survey_response.answered',
  updated: 'zen:event-type:survey_response.updated',
  ratedBad: ALERT_EVENT_TYPE,
  surveyUpdated: 'zen:event-type:survey.updated',
} as const;

export const eventTypes = [EVENT_TYPES.offered, EVENT_TYPES.answered, EVENT_TYPES.updated, EVENT_TYPES.ratedBad, EVENT_TYPES.surveyUpdated] as const;
export type EventType = (typeof eventTypes)[number];

export const ZENDESK_EVENT_VERSION = '2022-11-06';

function envelope(input: { type: EventType; subject: string; detailJson: string; event: Record<string, unknown>; at: number }): OutboxEvent {
  const id = newId(input.at);
  const body =
    `{"type":${JSON.stringify(input.type)},"account_id":${env().ACCOUNT_ID},"id":"${id}","time":"${iso(input.at)}",` +
    `"zendesk_event_version":"${ZENDESK_EVENT_VERSION}","subject":${JSON.stringify(input.subject)},"detail":${input.detailJson},` +
    `"event":${JSON.stringify(input.event)}}`;
  return { id, type: input.type, subject: input.subject, body, at: input.at };
}

const responseSubject = (id: string) => `zen:survey_response:${id}`;

/** A response offered through the API. */
export function offeredEvents(input: { responseId: string; detailJson: string; at: number }): OutboxEvent[] {
  return [envelope({ type: EVENT_TYPES.offered, subject: responseSubject(input.responseId), detailJson: input.detailJson, event: {}, at: input.at })];
}

interface Figures {
  rating: number | null;
  ratingCategory: string | null;
}

/**
 * An answer from any door: `answered` the first time (previous undefined), `updated` after that; and
 * `rated_bad` when the rating becomes bad (a bad CSAT rating or an NPS detractor) and was not bad
 * before, so editing the comment of a bad answer does not alert twice.
 */
export function answerEvents(input: { responseId: string; detailJson: string; at: number; previous?: Figures; current: Figures }): OutboxEvent[] {
  const { responseId, detailJson, at, previous, current } = input;
  const subject = responseSubject(responseId);
  const events = [
    previous === undefined
      ? envelope({ type: EVENT_TYPES.answered, subject, detailJson, at, event: { rating: current.rating, rating_category: current.ratingCategory } })
      : envelope({
          type: EVENT_TYPES.updated,
          subject,
          detailJson,
          at,
          event: { previous_rating: previous.rating, previous_rating_category: previous.ratingCategory, rating: current.rating, rating_category: current.ratingCategory },
        }),
  ];
  if (current.ratingCategory === 'bad' && previous?.ratingCategory !== 'bad') {
    events.push(envelope({ type: EVENT_TYPES.ratedBad, subject, detailJson, at, event: { previous_rating: previous?.rating ?? null, rating: current.rating } }));
  }
  return events;
}

/** A survey's new version or state; detail is the survey as the surveys API shows it in en-us. */
export function surveyUpdatedEvents(input: { surveyId: string; detailJson: string; previousVersion: number; at: number }): OutboxEvent[] {
  return [
    envelope({
      type: EVENT_TYPES.surveyUpdated,
      subject: `zen:survey:${input.surveyId}`,
      detailJson: input.detailJson,
      event: { previous_version: input.previousVersion },
      at: input.at,
    }),
  ];
}
