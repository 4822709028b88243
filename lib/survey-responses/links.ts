import type { Locale } from '../i18n/locales';
import { isRatingQuestion, linkTypeOf, type SurveyDefinition } from '../surveys/definition';
import { localizeQuestion } from '../surveys/serialize';

/** The survey page path; the token is the only secret in it, the rating only preselects. */
export function surveyPagePath({ id, token, locale }: { id: string; token: string; locale: Locale }): string {
  return `/hc/${locale}/survey_responses/${encodeURIComponent(id)}?access_token=${encodeURIComponent(token)}`;
}

/** One link per point of the first (rating) question, as Zendesk's emails show them. */
export function ratingLinks({ id, token, definition, locale }: { id: string; token: string; definition: SurveyDefinition; locale: Locale }) {
  const url_path = surveyPagePath({ id, token, locale });
  const first = definition.questions[0];
  if (!first || !isRatingQuestion(first)) return { type: 'rating_link_custom_text' as const, url_path, rating_links: [] };
  // The labels come from the question localized once per locale: formatting each message again
  // showed in the throughput of every create.
  const { options } = localizeQuestion(first, locale, false) as { options: { rating: number; label: unknown; emoji?: unknown }[] };
  return {
    type: linkTypeOf(first.type),
    url_path,
    rating_links: options.map(({ rating, label, emoji }) => ({
      rating,
      label,
      ...(emoji !== undefined && { emoji }),
      url_path: `${url_path}&rating=${rating}`,
    })),
  };
}
