import de from '@/messages/de.json';
import enUs from '@/messages/en-us.json';
import es from '@/messages/es.json';
import fr from '@/messages/fr.json';
import ja from '@/messages/ja.json';
import ptBr from '@/messages/pt-br.json';
import type { Locale } from './locales';

export type Messages = typeof enUs;

// Bundled statically: six small files, read on every localized request.
const all: Record<Locale, Messages> = { 'en-us': enUs, de, fr, es, ja, 'pt-br': ptBr };

export function messagesFor(locale: Locale): Messages {
  return all[locale];
}
