import { readForm } from '@/lib/http/form';
import { displayLocale } from '@/lib/i18n/locales';
import { submitSurveyPage, surveyPageForm } from '@/lib/survey-page/submit';

type Context = { params: Promise<{ locale: string; id: string }> };

// The page's form posts here; the answer is always a 303 back to the page (post/redirect/get).
export async function POST(request: Request, { params }: Context) {
  const { locale, id } = await params;
  const parsed = surveyPageForm.safeParse(await readForm(request));
  const form = parsed.success ? parsed.data : { access_token: '', answers: {} };
  const { location } = await submitSurveyPage({ id, locale: displayLocale(locale), form });
  return new Response(null, {
    status: 303,
    headers: { Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
  });
}
