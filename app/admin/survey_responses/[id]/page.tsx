import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminShell } from '../../_components/admin-shell';
import { pageAdmin } from '../../_components/session';
import { responsesHref } from '@/lib/admin/filters';
import { showAdminResponse, type AnswerView } from '@/lib/admin/responses-detail';
import '../responses.css';

function Answer({ answer }: { answer: AnswerView }) {
  switch (answer.kind) {
    case 'rating':
      return <p>{`${answer.rating.emoji ? `${answer.rating.emoji} ` : ''}${answer.rating.label} (${answer.rating.rating}) — ${answer.category}`}</p>;
    case 'options':
      return <p>{answer.labels.join('; ') || 'No option chosen'}</p>;
    case 'comment':
      return <p>{answer.text || <span className="admin-muted">Empty comment</span>}</p>;
    default:
      return <p className="admin-muted">{answer.kind === 'skipped' ? 'Skipped' : 'Not answered'}</p>;
  }
}

export default async function ResponsePage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await pageAdmin();
  const r = await showAdminResponse({ admin, id: (await params).id });
  if (!r) notFound();
  const who = r.responder;
  const rows: [string, React.ReactNode][] = [
    ['Responder', who.id === null ? (who.anonymousId ? `anonymous ${who.anonymousId}` : 'none') : (
      <>
        {who.name} {who.email && `<${who.email}>`} (id {who.id}) · <Link href={responsesHref({ responder: String(who.id) })} prefetch={false}>their responses</Link>
      </>
    )],
    ['Subjects', r.subjects.map((zrn, i) => (
      <span key={zrn}>{i > 0 && ', '}<Link href={responsesHref({ subject: zrn })} prefetch={false}>{zrn}</Link></span>
    ))],
    ['Survey', <><Link href={responsesHref({ survey: r.survey.id })} prefetch={false}>{r.survey.label}</Link>{` · version ${r.survey.version}${r.survey.latestVersion && r.survey.latestVersion !== r.survey.version ? ` (latest ${r.survey.latestVersion})` : ''}`}</>],
    ['Locale', r.locale],
    ['Method', `${r.method}${r.forced ? ' (forced: duplicate and targeting checks skipped)' : ''}`],
    ['Answered', r.answeredAt ? `Yes, ${r.answeredAt} UTC` : 'No'],
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
