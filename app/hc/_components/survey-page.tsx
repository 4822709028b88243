import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import type { PageError } from '@/lib/survey-page/submit';
import type { SurveyPageView } from '@/lib/survey-page/view';
import { AnswersSummary } from './answers-summary';
import { SurveyForm } from './survey-form';

type Props = { view: SurveyPageView; locale: Locale; accessToken: string; error: PageError | undefined };

export async function SurveyPage({ view, locale, accessToken, error }: Props) {
  const t = await getTranslations({ locale, namespace: 'SurveyPage' });
  const format = await getFormatter({ locale });
  // The server cannot know the customer's time zone: dates say theirs is UTC.
  const date = format.dateTime(view.expiresAt, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  const pageUrl = `/hc/${locale}/survey_responses/${view.id}?access_token=${encodeURIComponent(accessToken)}`;

  if (view.state === 'disabled') {
    return (
      <main className="hc-card" data-state="disabled">
        <h1>{t('disabledTitle')}</h1>
        <p>{t('disabledBody')}</p>
      </main>
    );
  }
  if (view.editing) {
    return (
      <main className="hc-card" data-state={view.state === 'open' ? 'open' : 'editing'}>
        <h1>{t('title')}</h1>
        <p className="hc-intro">{t('intro')}</p>
        {error && (
          <p className="hc-error" role="alert">
            {t(error === 'rating' ? 'errorRating' : 'errorGeneric')}
          </p>
        )}
        <SurveyForm view={view} locale={locale} accessToken={accessToken} />
        {view.state === 'answered' && <p className="hc-note">{t('editUntil', { date })}</p>}
      </main>
    );
  }
  const closed = view.state === 'closed';
  return (
    <main className="hc-card" data-state={view.state}>
      <h1>{t(closed ? 'closedTitle' : 'thanksTitle')}</h1>
      <p>{closed ? t('closedBody', { date }) : t('thanksBody')}</p>
      <AnswersSummary view={view} locale={locale} />
      {!closed && (
        <p className="hc-note">
          {t('editUntil', { date })}{' '}
          <a className="hc-link" href={`${pageUrl}&edit=1`}>
            {t('edit')}
          </a>
        </p>
      )}
    </main>
  );
}
