import type { ReactNode } from 'react';
import { setRequestLocale } from 'next-intl/server';
import { isLocale, defaultLocale } from '@/lib/i18n/locales';
import './hc.css';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

// The customer's pages: their language on <html lang>, no client JavaScript of our own.
export default async function HelpCenterLayout({ children, params }: Props) {
  const requested = (await params).locale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  setRequestLocale(locale);
  return (
    <html lang={locale}>
      <body>
        <div className="hc-page">{children}</div>
      </body>
    </html>
  );
}
