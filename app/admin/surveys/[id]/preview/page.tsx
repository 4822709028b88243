import { notFound } from 'next/navigation';
import { presentParams } from '@/lib/admin/survey-responses/filters';
import { previewQuery, surveyIdParam } from '@/lib/admin/surveys/schemas';
import { surveyPreview } from '@/lib/admin/surveys/surveys';
import { ApiError } from '@/lib/errors';
import { defaultLocale, locales } from '@/lib/i18n/locales';
import { AdminShell } from '../../../_components/admin-shell';
import { pageAdmin } from '../../../_components/session';
import '../../surveys.css';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PreviewPage({ params, searchParams }: Props) {
  const admin = await pageAdmin();
  const id = surveyIdParam.safeParse(await params);
  if (!id.success) notFound();
  const query = previewQuery.safeParse(presentParams(await searchParams));
  // A bad locale or version is explained and the defaults shown instead.
  const { locale = defaultLocale, version } = query.success ? query.data : {};
  const preview = await surveyPreview({ actor: admin, id: id.data.id, locale, ...(version && { version }) }).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  const versions = Array.from({ length: preview.survey.latestVersion }, (_, i) => preview.survey.latestVersion - i);
  const src = `/admin/surveys/${id.data.id}/preview/content?locale=${locale}&version=${preview.version}`;
  return (
    <AdminShell admin={admin} current="/admin/surveys" title="Preview survey">
      <p className="surveys-banner" role="note">
        {`Preview of version ${preview.version} in ${locale}: the customer page exactly as customers see it. Submitting is disabled and nothing is recorded.`}
        {preview.survey.state === 'disabled' && ' The survey is disabled: customers currently see a notice instead.'}
      </p>
      {!query.success && (
        <p className="admin-error" role="alert">
          {query.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}
        </p>
      )}
      <form method="get" className="surveys-new">
        <label>
          Locale
          <select name="locale" defaultValue={locale}>
            {locales.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          Version
          <select name="version" defaultValue={String(preview.version)}>
            {versions.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <button className="admin-button" type="submit">
          Show
        </button>
        <a href={`/admin/surveys/${id.data.id}`}>Back to the editor</a>
      </form>
      <iframe className="surveys-frame" sandbox="" title={`Customer page preview (${locale}, version ${preview.version})`} src={src} />
    </AdminShell>
  );
}
