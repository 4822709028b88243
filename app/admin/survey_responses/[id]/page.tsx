import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { AdminShell } from '../../_components/admin-shell';
import { pageAdmin } from '../../_components/session';
import { responsesHref } from '@/lib/admin/survey-responses/filters';
import { showAdminResponse } from '@/lib/admin/survey-responses/detail';
import { Answer, AttributionLinks, ResponderText, SubjectLinks } from '../_components/detail-parts';
import '../responses.css';

export default async function ResponsePage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await pageAdmin();
  const r = await showAdminResponse({ admin, id: (await params).id });
  if (!r) notFound();
  const version = `version ${r.survey.version}${r.survey.latestVersion && r.survey.latestVersion !== r.survey.version ? ` (latest ${r.survey.latestVersion})` : ''}`;
  const rows: [string, ReactNode][] = [
    ['Responder', <ResponderText key="r" who={r.responder} />],
    ['Subjects', <SubjectLinks key="s" zrns={r.subjects} />],
    ['Survey', <>
        <Link href={responsesHref({ survey: r.survey.id })} prefetch={false}>
          {r.survey.label}
        </Link>{' '}
        · {version}
      </>],
    ['Locale', r.locale],
    ['Method', `${r.method}${r.forced ? ' (forced: duplicate and targeting checks skipped)' : ''}`],
    ['State', r.answeredAt ? `answered, ${r.answeredAt} UTC` : r.state],
    ['Assigned', <AttributionLinks key="a" attribution={r.attribution} />],
    ['Created', `${r.created} UTC`],
    ['Updated', `${r.updated} UTC`],
    ['Expires', `${r.expires} UTC`],
  ];
  return (
    <AdminShell admin={admin} current="/admin/survey_responses" title={`Response ${r.id}`} actions={<Link href="/admin/survey_responses" prefetch={false}>All responses</Link>}>
      <dl className="responses-details">
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2>Answers</h2>
      <ol className="responses-answers">
        {r.questions.map((q) => (
          <li key={q.id}>
            <h3>{q.headline}</h3>
            <Answer answer={q.answer} />
          </li>
        ))}
      </ol>
    </AdminShell>
  );
}
