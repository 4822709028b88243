import { createTranslator } from 'next-intl';
import { defaultLocale, type Locale } from './locales';
import { messagesFor } from './messages';

export type TextContent = { type: 'static'; value: string } | { type: 'dynamic'; key: string; value: string };

type Lookup = (key: string) => string | undefined;

/**
 * A key's message in a locale: walked through the messages' own properties and accepted only when it
 * ends on a string, so a key naming a group (`dc.surveys`) or a built-in (`constructor.name`) finds
 * nothing. The message is then formatted by next-intl (ICU).
 */
function lookupFor(locale: Locale): Lookup {
  const messages = messagesFor(locale) as unknown as Record<string, unknown>;
  const t = createTranslator({ locale, messages: messagesFor(locale) }) as unknown as (key: string) => string;
  return (key) => {
    let node: unknown = messages;
    for (const part of key.split('.')) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'string' ? t(key) : undefined;
  };
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
