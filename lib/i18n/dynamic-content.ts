import { createTranslator } from 'next-intl';
import { defaultLocale, type Locale } from './locales';
import { messagesFor } from './messages';

export type TextContent = { type: 'static'; value: string } | { type: 'dynamic'; key: string; value: string };

type Lookup = (key: string) => string | undefined;

function lookupFor(locale: Locale): Lookup {
  // Dynamic keys come from survey data, not from code, so the typed key union does not apply here.
  const t = createTranslator({ locale, messages: messagesFor(locale) }) as unknown as {
    (key: string): string;
    has(key: string): boolean;
  };
  return (key) => (t.has(key) ? t(key) : undefined);
}

const lookups = new Map<Locale, Lookup>();

function lookup(locale: Locale): Lookup {
  let found = lookups.get(locale);
  if (!found) {
    found = lookupFor(locale);
    lookups.set(locale, found);
  }
  return found;
}

/**
 * Resolves a dynamic-content key through the locale's messages, then the default locale's, then the
 * value stored with the survey (keys an admin invented have no messages).
 */
export function resolveText(content: TextContent, locale: Locale): TextContent {
  if (content.type === 'static') return content;
  const value = lookup(locale)(content.key) ?? lookup(defaultLocale)(content.key) ?? content.value;
  return { type: 'dynamic', key: content.key, value };
}
