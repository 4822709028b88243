import type { ReadyOverview } from '@/lib/admin/overview/overview';
import { pct } from './overview-format';
import { TableHead } from './table-head';
import { TableScroll } from './table-scroll';

export function Reasons({ o }: { o: ReadyOverview }) {
  if (o.reasons.length === 0) return <p className="admin-muted">No reasons were given in these days.</p>;
  return (
    <TableScroll label="Reasons chosen after a rating">
      <table className="admin-table">
        <caption>Reasons chosen after a rating</caption>
        <TableHead columns={['Reason', 'Times chosen', 'Share']} />
        <tbody>
          {o.reasons.map((r) => (
            <tr key={r.optionId}>
              <th scope="row">{r.label}</th>
              <td>
                <a href={r.href}>{r.count.toLocaleString('en-US')}</a>
              </td>
              <td>{pct(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function FollowUp({ o }: { o: ReadyOverview }) {
  if (o.followUp.length === 0) return <p className="admin-muted">No {o.survey.nps ? 'detractors' : 'bad ratings'} in these days.</p>;
  const labels = new Map(o.distribution.map((d) => [d.rating, d.text]));
  return (
    <TableScroll label={o.survey.nps ? 'The newest detractors' : 'The newest bad ratings'}>
      <table className="admin-table">
        <caption>{o.survey.nps ? 'The newest detractors' : 'The newest bad ratings'}</caption>
        <TableHead columns={['Created (UTC)', 'Rating', 'Subjects', 'Comment']} />
        <tbody>
          {o.followUp.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <a href={r.href}>{r.created}</a>
              </th>
              <td>{labels.get(r.rating) ?? r.rating}</td>
              <td>{r.subjectZrns.join(', ') || '–'}</td>
              <td className="overview-comment">{r.comment ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
