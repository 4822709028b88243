export const locales = ['en-us', 'de', 'fr', 'es', 'ja', 'pt-br'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en-us';

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

/** A locale tag as clients send it: `en-US`, `pt_BR`, `de`. */
export const LOCALE_TAG = /^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*$/;

/**
 * The shipped locale that serves a requested tag: exact match, else the same language
 * (`de-at` → `de`, `en-gb` → `en-us`, `pt-pt` → `pt-br`), else undefined.
 */
export function matchLocale(tag: string): Locale | undefined {
  const normalized = tag.toLowerCase().replace(/_/g, '-');
  if (isLocale(normalized)) return normalized;
  const language = normalized.split('-')[0];
  return locales.find((l) => l.split('-')[0] === language);
}

/** The locale texts are shown in: the best shipped match, falling back to the default. */
export function displayLocale(tag: string): Locale {
  return matchLocale(tag) ?? defaultLocale;
}
