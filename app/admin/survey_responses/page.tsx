import Link from 'next/link';
import { AdminShell } from '../_components/admin-shell';
import { pageAdmin } from '../_components/session';
import { filterQuery, parseResponseFilters } from '@/lib/admin/survey-responses/filters';
import { listAdminResponses, type AdminResponsePage } from '@/lib/admin/survey-responses/list';
import { responseFilterChoices } from '@/lib/admin/survey-responses/choices';
import { ApiError } from '@/lib/errors';
import { FilterForm } from './_components/filter-form';
import { ResponsesTable } from './_components/responses-table';
import './responses.css';

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function ResponsesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const admin = await pageAdmin();
  const params = await searchParams;
  const parsed = parseResponseFilters(params);
  const choices = await responseFilterChoices({ admin });
  let page: AdminResponsePage | undefined;
  let errors: string[] = [];
  if (!parsed.success) {
    errors = parsed.error.issues.map((i) => `The filter “${i.path.join('.') || 'filters'}” ${i.message.charAt(0).toLowerCase()}${i.message.slice(1)}.`);
  } else {
    try {
      page = await listAdminResponses({ admin, filters: parsed.data, cursor: { after: one(params.after), before: one(params.before) } });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      errors = [error.message];
    }
  }
  const exportLink = parsed.success && <a href={`/admin/survey_responses/export${filterQuery(parsed.data)}`}>Export CSV</a>;
  const values = Object.fromEntries(Object.keys(params).map((k) => [k, one(params[k])]));
  return (
    <AdminShell admin={admin} current="/admin/survey_responses" title="Responses" actions={exportLink}>
      <FilterForm values={values} choices={choices} />
      {errors.map((e) => (
        <p key={e} className="admin-error" role="alert">
          {e}
        </p>
      ))}
      {page && page.rows.length > 0 && <ResponsesTable rows={page.rows} />}
      {page && page.rows.length === 0 && <p className="admin-notice">No responses match these filters{page.searched ? ' in this stretch' : ''}.</p>}
      {page?.searched && (
        <p className="admin-muted">
          {page.searched.older
            ? `Searched back to ${page.searched.to} UTC; Next page searches older responses.`
            : `Searched forward to ${page.searched.to} UTC; Previous page searches newer responses.`}
        </p>
      )}
      {page && (page.prevHref || page.nextHref) && (
        <nav className="responses-pages" aria-label="Pages">
          {page.prevHref && <Link href={page.prevHref} prefetch={false}>← Previous</Link>}
          {page.nextHref && <Link href={page.nextHref} prefetch={false}>Next →</Link>}
        </nav>
      )}
    </AdminShell>
  );
}
