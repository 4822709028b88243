import Link from 'next/link';
import { listSurveys } from '@/lib/surveys/surveys';
import { AdminShell } from '../_components/admin-shell';
import { UtcTime } from '../_components/utc-time';
import { pageAdmin } from '../_components/session';
import { NewSurveyForm } from './new-survey-form';
import './surveys.css';

type Props = { searchParams: Promise<{ error?: string }> };

export default async function SurveysPage({ searchParams }: Props) {
  const admin = await pageAdmin();
  const { error } = await searchParams;
  const { surveys } = await listSurveys({ actor: admin, locale: admin.locale });
  return (
    <AdminShell admin={admin} current="/admin/surveys" title="Surveys">
      <NewSurveyForm />
      {error && (
        <p className="admin-error" role="alert">
          Choose a survey type for the new survey.
        </p>
      )}
      <table className="admin-table">
        <caption className="admin-caption">Every survey, with the first question in your locale ({admin.locale})</caption>
        <thead>
          <tr>
            <th scope="col">First question</th>
            <th scope="col">Type</th>
            <th scope="col">State</th>
            <th scope="col">Latest version</th>
            <th scope="col">Updated (UTC)</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {surveys.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.questions[0]?.headline.value ?? s.id}</th>
              <td>{s.type}</td>
              <td>{s.state}</td>
              <td>{s.version}</td>
              <td>
                <UtcTime at={s.updated_at} />
              </td>
              <td>
                <span className="surveys-actions">
                  <Link href={`/admin/surveys/${s.id}`} prefetch={false} aria-label={`Edit survey ${s.id}`}>
                    Edit
                  </Link>
                  <Link href={`/admin/surveys/${s.id}/preview`} prefetch={false} aria-label={`Preview survey ${s.id}`}>
                    Preview
                  </Link>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminShell>
  );
}
