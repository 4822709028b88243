import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE, sessionAdmin } from '@/lib/admin/session';
import { listSurveys } from '@/lib/surveys/surveys';

// Guarded in lib (sessionAdmin), not by a layout: no session, no data.
export default async function AdminHome() {
  const admin = await sessionAdmin({ token: (await cookies()).get(SESSION_COOKIE)?.value });
  if (!admin) redirect('/admin/sign-in');
  const { surveys } = await listSurveys({ actor: admin, locale: admin.locale });
  return (
    <main className="admin-card">
      <div className="admin-bar">
        <h1>Surveys</h1>
        <form method="post" action="/admin/sign-out">
          <span>Signed in as {admin.email} </span>
          <button className="admin-button" type="submit">
            Sign out
          </button>
        </form>
      </div>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Survey</th>
            <th scope="col">Type</th>
            <th scope="col">Version</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {surveys.map((s) => (
            <tr key={s.id}>
              <td>{s.questions[0]?.headline.value ?? s.id}</td>
              <td>{s.type}</td>
              <td>{s.version}</td>
              <td>{s.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
