import { getTranslations } from 'next-intl/server';

export default async function HomePage() {
  const t = await getTranslations({ locale: 'en-us', namespace: 'Home' });
  return (
    <main>
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
    </main>
  );
}
