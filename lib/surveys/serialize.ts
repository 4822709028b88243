import type { SurveyRow } from '@/db/schema';
import { resolveText } from '../i18n/dynamic-content';
import type { Locale } from '../i18n/locales';
import { iso } from '../time';
import { isRatingQuestion, type Question, type SurveyDefinition } from './definition';

// Questions of a version never change and texts per locale are fixed at build: localize each once.
const localized = new WeakMap<Question, Map<string, ReturnType<typeof localize>>>();

/**
 * A question with its texts in `locale`; `withFollowUps` for the Surveys API, not for responses.
 * The result is shared between callers: serialize it, never change it.
 */
export function localizeQuestion(q: Question, locale: Locale, withFollowUps: boolean) {
  let byLocale = localized.get(q);
  if (!byLocale) localized.set(q, (byLocale = new Map()));
  const key = `${locale}:${withFollowUps}`;
  let found = byLocale.get(key);
  if (!found) byLocale.set(key, (found = localize(q, locale, withFollowUps)));
  return found;
}

const localizedJson = new WeakMap<Question, Map<Locale, string>>();

/** A response answer's question in `locale` (no follow-ups), as JSON text made once. */
export function localizedQuestionJson(q: Question, locale: Locale): string {
  let byLocale = localizedJson.get(q);
  if (!byLocale) localizedJson.set(q, (byLocale = new Map()));
  let found = byLocale.get(locale);
  if (found === undefined) byLocale.set(locale, (found = JSON.stringify(localizeQuestion(q, locale, false))));
  return found;
}

function localize(q: Question, locale: Locale, withFollowUps: boolean) {
  const headline = resolveText(q.headline, locale);
  if (q.type === 'open_ended') {
    return { id: q.id, alias: q.alias, type: q.type, headline, ...(withFollowUps && { follow_up: q.follow_up }) };
  }
  if (q.type === 'closed_ended') {
    const options = q.options.map((o) => ({
      id: o.id,
      label: resolveText(o.label, locale),
      ...(withFollowUps && { follow_up: o.follow_up }),
    }));
    return { id: q.id, alias: q.alias, type: q.type, headline, options };
  }
  const options = q.options.map((o) => ({
    rating: o.rating,
    label: resolveText(o.label, locale),
    ...(o.emoji && { emoji: resolveText(o.emoji, locale) }),
    ...(withFollowUps && { follow_up: o.follow_up }),
  }));
  return { id: q.id, alias: q.alias, type: q.type, sub_type: q.sub_type, headline, options };
}

/** The minimal question of unlocalized answers, as in Zendesk's List example. */
export function minimalQuestion(q: Question) {
  return isRatingQuestion(q) ? { id: q.id, type: q.type, sub_type: q.sub_type } : { id: q.id, type: q.type };
}

export function serializeSurvey(
  survey: SurveyRow,
  version: { version: number; definition: SurveyDefinition; createdAt: number },
  locale: Locale,
) {
  return {
    id: survey.id,
    type: survey.type,
    version: version.version,
    state: survey.state,
    settings: survey.settings,
    questions: version.definition.questions.map((q) => localizeQuestion(q, locale, true)),
    created_at: iso(survey.createdAt),
    updated_at: iso(Math.max(survey.updatedAt, version.createdAt)),
  };
}
