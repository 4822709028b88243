import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { answerField, followUpCss, type PageQuestion, type SurveyPageView } from '@/lib/survey-page/view';

type Props = { view: SurveyPageView; locale: Locale; accessToken: string };

// A plain form: it posts and works with JavaScript off; follow-ups show by CSS `:has()`.
export async function SurveyForm({ view, locale, accessToken }: Props) {
  const t = await getTranslations({ locale, namespace: 'SurveyPage' });
  const action = `/hc/${locale}/survey_responses/${view.id}/answers`;
  return (
    <form className="hc-form" method="post" action={action}>
      {/* Generated from ids and ratings only, so it is safe to inline. */}
      <style dangerouslySetInnerHTML={{ __html: followUpCss(view) }} />
      <input type="hidden" name="access_token" value={accessToken} />
      {view.questions.map((q, i) => (
        <Question key={q.id} question={q} first={i === 0} chosen={view.chosen[q.id] ?? []} optional={t('optional')} hint={t(q.type === 'closed_ended' ? 'chooseMany' : 'choose')} />
      ))}
      <button className="hc-submit" type="submit">
        {view.state === 'open' ? t('submit') : t('update')}
      </button>
    </form>
  );
}

type QuestionProps = { question: PageQuestion; first: boolean; chosen: string[]; optional: string; hint: string };

function Question({ question: q, first, chosen, optional, hint }: QuestionProps) {
  const name = answerField(q.id);
  if (q.type === 'open_ended') {
    return (
      <div className={`hc-question q-${q.id}`}>
        <label htmlFor={`f-${q.id}`}>
          {q.headline} <span className="hc-optional">({optional})</span>
        </label>
        <textarea id={`f-${q.id}`} name={name} rows={4} maxLength={10_000} defaultValue={chosen[0] ?? ''} />
      </div>
    );
  }
  const rating = q.type === 'rating';
  return (
    <fieldset className={`hc-question q-${q.id}`}>
      <legend>
        {q.headline} {!first && <span className="hc-optional">({optional})</span>}
      </legend>
      {!rating && <p className="hc-hint">{hint}</p>}
      <div className={rating ? 'hc-scale' : 'hc-choices'}>
        {q.options.map((o) => (
          <label key={o.value} className={rating ? 'hc-rating' : 'hc-choice'}>
            <input
              type={rating ? 'radio' : 'checkbox'}
              name={name}
              value={o.value}
              defaultChecked={chosen.includes(o.value)}
              required={rating && first}
            />
            {o.emoji && (
              <span className="hc-emoji" aria-hidden="true">
                {o.emoji}
              </span>
            )}
            <span className="hc-label">{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
