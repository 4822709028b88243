import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SurveyPage } from '@/app/hc/_components/survey-page';
import { ApiError } from '@/lib/errors';
import { displayLocale, isLocale } from '@/lib/i18n/locales';
import { surveyPageQuery } from '@/lib/survey-page/schemas';
import { openSurveyPage, redirectLocale } from '@/lib/survey-page/view';

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: displayLocale((await params).locale), namespace: 'SurveyPage' });
  return { title: t('title'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

// GET only reads: mail scanners open every emailed link, so the rating is preselected, never stored.
export default async function SurveyResponsePage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  const raw = await searchParams;
  const query = surveyPageQuery.parse(raw);
  if (!isLocale(locale)) {
    const target = await redirectLocale({ id, ...(query.access_token && { accessToken: query.access_token }) });
    const kept = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => [v ?? []].flat().map((x) => [k, x])));
    redirect(`/hc/${target}/survey_responses/${encodeURIComponent(id)}?${kept}`);
  }
  const view = await openSurveyPage({
    id,
    locale,
    ...(query.access_token && { accessToken: query.access_token }),
    ...(query.rating && { rating: query.rating }),
    edit: query.edit === '1',
  }).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  return <SurveyPage view={view} locale={locale} accessToken={query.access_token ?? ''} error={query.error} />;
}
