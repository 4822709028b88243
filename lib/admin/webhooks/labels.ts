// The words of the webhooks screen, without code that reaches db/: client forms import them.

/** The event types a webhook subscribes to, as checkboxes: the form field, the type, its label. */
export const subscriptionChoices = [
  { field: 'subscribe_offered', type: 'zen:event-type:survey_response.offered', label: 'Response offered', hint: 'made through the API' },
  { field: 'subscribe_answered', type: 'zen:event-type:survey_response.answered', label: 'Response answered', hint: 'the first answer, any door' },
  { field: 'subscribe_updated', type: 'zen:event-type:survey_response.updated', label: 'Response updated', hint: 'a later edit' },
  { field: 'subscribe_rated_bad', type: 'zen:event-type:survey_response.rated_bad', label: 'Rated bad', hint: 'a bad rating or an NPS detractor' },
  { field: 'subscribe_survey_updated', type: 'zen:event-type:survey.updated', label: 'Survey updated', hint: 'a new version or state' },
] as const;
export type SubscriptionChoice = (typeof subscriptionChoices)[number];

/** The short name of an event type (the part after `zen:event-type:`). */
export const eventLabel = (type: string) => type.replace(/^zen:event-type:/, '');

export const authenticationChoices = [
  { value: 'none', label: 'None' },
  { value: 'bearer_token', label: 'Bearer token' },
  { value: 'basic_auth', label: 'Basic authentication' },
] as const;
export type AuthenticationChoice = (typeof authenticationChoices)[number]['value'];
