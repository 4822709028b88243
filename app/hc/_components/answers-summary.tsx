import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import type { SurveyPageView } from '@/lib/survey-page/view';

/** The stored answers, read-only: each question asked, and what was answered. */
export async function AnswersSummary({ view, locale }: { view: SurveyPageView; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'SurveyPage' });
  const answered = view.questions.filter((q) => view.chosen[q.id] !== undefined);
  if (answered.length === 0) return null;
  return (
    <section aria-labelledby="hc-your-answers">
      <h2 id="hc-your-answers">{t('yourAnswers')}</h2>
      <dl className="hc-answers">
        {answered.map((q) => {
          const values = view.chosen[q.id] ?? [];
          const labels =
            q.type === 'open_ended'
              ? values
              : q.options.filter((o) => values.includes(o.value)).map((o) => (o.emoji ? `${o.emoji} ${o.label}` : o.label));
          return (
            <div key={q.id}>
              <dt>{q.headline}</dt>
              <dd>{labels.join(', ')}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
