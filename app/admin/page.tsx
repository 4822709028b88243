import { presentParams } from '@/lib/admin/survey-responses/filters';
import { surveyOverview } from '@/lib/admin/overview/overview';
import { overviewQuery } from '@/lib/admin/overview/schemas';
import { AdminShell } from './_components/admin-shell';
import { Breakdowns } from './_components/overview-breakdowns';
import { Distribution, Figures } from './_components/overview-figures';
import { OverviewForm } from './_components/overview-form';
import { TrendTable } from './_components/overview-trend-table';
import { FollowUp, Reasons } from './_components/overview-why';
import { pageAdmin } from './_components/session';
import { TrendChart } from './_components/trend-chart';
import './overview.css';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// CSAT and NPS at a glance for one survey and range of days; every figure links to its responses.
export default async function OverviewPage({ searchParams }: Props) {
  const admin = await pageAdmin();
  const parsed = overviewQuery.safeParse(presentParams(await searchParams));
  const o = await surveyOverview({ admin, query: parsed.success ? parsed.data : {} });
  const problem = !parsed.success ? 'Some of the choices in the address are not valid; showing the defaults.' : !o.ok ? o.problem : undefined;
  return (
    <AdminShell admin={admin} current="/admin" title="Overview">
      {o.ok && <OverviewForm choices={o.choices} survey={o.survey.id} from={o.range.from} to={o.range.to} bucket={o.range.bucket} />}
      {!o.ok && <OverviewForm choices={o.choices} />}
      {problem && (
        <p className="admin-error" role="alert">
          {problem}
        </p>
      )}
      {o.ok && (
        <>
          <p className="admin-muted">
            {o.survey.label} · responses created {o.range.from} to {o.range.to} (UTC)
          </p>
          <Figures o={o} />
          <section className="overview-section" aria-labelledby="trend">
            <h2 id="trend">Trend by {o.range.bucket}</h2>
            <TrendChart trend={o.trend} nps={o.survey.nps} bucket={o.range.bucket} />
            <TrendTable o={o} />
          </section>
          <section className="overview-section" aria-labelledby="distribution">
            <h2 id="distribution">Distribution</h2>
            <Distribution o={o} />
          </section>
          <section className="overview-section" aria-labelledby="breakdowns">
            <h2 id="breakdowns">{o.survey.nps ? 'NPS' : 'CSAT'} by assignee, group and brand</h2>
            <Breakdowns o={o} />
          </section>
          <section className="overview-section" aria-labelledby="why">
            <h2 id="why">Why</h2>
            <Reasons o={o} />
          </section>
          <section className="overview-section" aria-labelledby="follow-up">
            <h2 id="follow-up">Follow up</h2>
            <FollowUp o={o} />
          </section>
        </>
      )}
    </AdminShell>
  );
}
