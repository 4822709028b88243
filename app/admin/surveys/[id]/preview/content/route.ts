import { surveyPage } from '@/app/hc/_views/survey-page';
import { previewQuery, surveyIdParam } from '@/lib/admin/surveys/schemas';
import { surveyPreview } from '@/lib/admin/surveys/surveys';
import { ApiError } from '@/lib/errors';
import { queryOf } from '@/lib/http/handler';
import { defaultLocale } from '@/lib/i18n/locales';
import { adminRoute } from '../../../../_components/session';

type Context = { params: Promise<{ id: string }> };

// The customer page as the /hc route renders it, with its no-script CSP, framed by the preview page
// (same origin only). It has no form target, and form-action 'none' forbids posting anywhere anyway.
const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'",
};

const plain = (text: string, status: number) => new Response(text, { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

export const GET = adminRoute(async (admin, request, { params }: Context) => {
  const id = surveyIdParam.safeParse(await params);
  const query = previewQuery.safeParse(queryOf(request));
  if (!id.success) return plain('The survey could not be found', 404);
  if (!query.success) return plain(query.error.issues.map((i) => i.message).join('; '), 400);
  const locale = query.data.locale ?? defaultLocale;
  try {
    const { view } = await surveyPreview({ actor: admin, id: id.data.id, locale, ...(query.data.version && { version: query.data.version }) });
    const body = surveyPage({ view, locale, accessToken: '', preview: 'Preview: this is what customers see. Nothing you choose here is recorded.' });
    return new Response(body.value, { headers: HEADERS });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return plain('The survey could not be found', 404);
    throw error;
  }
});
