import Link from 'next/link';
import { notFound } from 'next/navigation';
import { surveyIdParam } from '@/lib/admin/surveys/schemas';
import { surveyEditor } from '@/lib/admin/surveys/surveys';
import { ApiError } from '@/lib/errors';
import { AdminShell } from '../../_components/admin-shell';
import { pageAdmin } from '../../_components/session';
import '../surveys.css';
import { setStateAction } from './actions';
import { SurveyEditor } from './survey-editor';
import { VersionHistory } from './version-history';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; created?: string; state?: string }> };

export default async function SurveyPage({ params, searchParams }: Props) {
  const admin = await pageAdmin();
  const parsed = surveyIdParam.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const query = await searchParams;
  const editor = await surveyEditor({ actor: admin, id }).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  const { survey, versions, state } = editor;
  const next = survey.state === 'enabled' ? 'disabled' : 'enabled';
  const notice = query.created ? 'Survey created.' : query.saved ? `Saved as version ${survey.latestVersion}.` : query.state ? `The survey is now ${survey.state}.` : undefined;
  return (
    <AdminShell admin={admin} current="/admin/surveys" title={`Edit ${survey.type} survey`}>
      {notice && (
        <p className="admin-notice" role="status">
          {notice}
        </p>
      )}
      <div className="surveys-summary">
        <p>
          <span className="admin-muted">State</span> <strong data-testid="survey-state">{survey.state}</strong> ·{' '}
          <span className="admin-muted">Latest version</span> <strong data-testid="survey-version">{survey.latestVersion}</strong> ·{' '}
          <Link href={`/admin/surveys/${id}/preview`} prefetch={false}>
            Preview
          </Link>
        </p>
        <form action={setStateAction}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="state" value={next} />
          <button className="admin-button admin-button-quiet" type="submit">
            {next === 'disabled' ? 'Disable survey' : 'Enable survey'}
          </button>
        </form>
      </div>
      <SurveyEditor key={survey.latestVersion} id={id} initial={state} />
      <VersionHistory id={id} versions={versions} />
    </AdminShell>
  );
}
