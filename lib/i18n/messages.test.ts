import { describe, expect, it } from 'vitest';
import { resolveText } from './dynamic-content';
import { displayLocale, locales, matchLocale } from './locales';
import { messagesFor } from './messages';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('every locale has exactly the keys of en-us, none empty', () => {
    const expected = keys(messagesFor('en-us')).sort();
    for (const locale of locales) {
      expect(keys(messagesFor(locale)).sort(), locale).toEqual(expected);
      expect(JSON.stringify(messagesFor(locale)), locale).not.toContain('""');
    }
  });
});

describe('locales and dynamic content', () => {
  it('matches region variants and falls back to en-us', () => {
    expect(matchLocale('pt-BR')).toBe('pt-br');
    expect(matchLocale('de_AT')).toBe('de');
    expect(matchLocale('en-GB')).toBe('en-us');
    expect(matchLocale('ko')).toBeUndefined();
    expect(displayLocale('ko')).toBe('en-us');
  });
  it('resolves a key per locale, else the default locale, else the stored value', () => {
    const key = 'dc.surveys.customer_satisfaction.questions.comment';
    expect(resolveText({ type: 'dynamic', key, value: 'stored' }, 'de').value).toBe(messagesFor('de').dc.surveys.customer_satisfaction.questions.comment);
    expect(resolveText({ type: 'dynamic', key: 'dc.custom.unknown', value: 'stored' }, 'ja')).toEqual({ type: 'dynamic', key: 'dc.custom.unknown', value: 'stored' });
    expect(resolveText({ type: 'static', value: 'as is' }, 'fr')).toEqual({ type: 'static', value: 'as is' });
    for (const key of ['dc.surveys', 'constructor.name', 'toString.length', 'dc.surveys.customer_satisfaction.questions']) {
      expect(resolveText({ type: 'dynamic', key, value: 'stored' }, 'de').value, key).toBe('stored');
    }
  });
});
