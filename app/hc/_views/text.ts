import { createFormatter, createTranslator } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';

// next-intl's translator and formatter for the survey page, made once per locale.

function make(locale: Locale) {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: 'SurveyPage' });
  // The server cannot know the customer's time zone: dates name UTC.
  const format = createFormatter({ locale, timeZone: 'UTC' });
  const date = (ms: number) =>
    format.dateTime(ms, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  return { t, date };
}

const cache = new Map<Locale, ReturnType<typeof make>>();

export function pageText(locale: Locale) {
  let found = cache.get(locale);
  if (!found) cache.set(locale, (found = make(locale)));
  return found;
}

export type PageText = ReturnType<typeof pageText>;
