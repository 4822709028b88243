import { invalidLinkPage, surveyPage, throttledPage, unavailablePage } from '@/app/hc/_views/survey-page';
import { ApiError, isThrottled, isUnavailable, UNAVAILABLE_RETRY_AFTER_S } from '@/lib/errors';
import { clientAddress } from '@/lib/http/client-address';
import { readForm } from '@/lib/http/form';
import { redirectTo } from '@/lib/http/handler';
import { displayLocale, isLocale } from '@/lib/i18n/locales';
import { surveyPageQuery } from '@/lib/survey-page/schemas';
import { submitSurveyPage, surveyPageForm } from '@/lib/survey-page/submit';
import { openSurveyPage, redirectLocale } from '@/lib/survey-page/view';

type Context = { params: Promise<{ locale: string; id: string }> };

// The token is in the URL: no referrer, no cache, and no script may run (the page needs none).
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

const page = (body: { value: string }, status: number, headers: Record<string, string> = {}) =>
  new Response(body.value, { status, headers: { ...PAGE_HEADERS, ...headers, 'Content-Type': 'text/html; charset=utf-8' } });

/**
 * A database that cannot be reached is a 503 page in the page's language, never a 500; too many wrong
 * tokens from one address, a 429 page.
 */
function failurePage(error: unknown, locale: string): Response {
  if (isThrottled(error)) {
    const retryAfter = error.headers['Retry-After'] ?? '60';
    return page(throttledPage(displayLocale(locale), Number(retryAfter)), 429, { 'Retry-After': retryAfter });
  }
  if (!isUnavailable(error)) throw error;
  return page(unavailablePage(displayLocale(locale)), 503, { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S) });
}

// GET only reads: mail scanners open every emailed link, so its rating is preselected, never stored.
export async function GET(request: Request, { params }: Context) {
  const { locale, id } = await params;
  const url = new URL(request.url);
  const query = surveyPageQuery.parse(Object.fromEntries(url.searchParams));
  const accessToken = query.access_token;
  try {
    if (!isLocale(locale)) {
      const target = await redirectLocale({ id, ...(accessToken && { accessToken }) });
      return redirectTo(`/hc/${target}/survey_responses/${encodeURIComponent(id)}${url.search}`, 307, PAGE_HEADERS);
    }
    const view = await openSurveyPage({
      id,
      locale,
      ...(accessToken && { accessToken }),
      ...(query.rating && { rating: query.rating }),
      edit: query.edit === '1',
      client: clientAddress(request.headers),
    });
    return page(surveyPage({ view, locale, accessToken: accessToken ?? '', ...(query.error && { error: query.error }) }), 200);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && isLocale(locale)) return page(invalidLinkPage(locale), 404);
    return failurePage(error, locale);
  }
}

// The form posts here and is always answered by a 303 back to the page (post/redirect/get).
export async function POST(request: Request, { params }: Context) {
  const { locale, id } = await params;
  const form = surveyPageForm(await readForm(request));
  try {
    const { location } = await submitSurveyPage({ id, locale: displayLocale(locale), form, client: clientAddress(request.headers) });
    return redirectTo(location, 303, PAGE_HEADERS);
  } catch (error) {
    return failurePage(error, locale);
  }
}
