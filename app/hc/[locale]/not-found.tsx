import { getTranslations } from 'next-intl/server';

// One page for an unknown id, a missing token and a wrong token: nothing tells them apart.
export default async function InvalidLink() {
  const t = await getTranslations('SurveyPage');
  return (
    <main className="hc-card">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
    </main>
  );
}
