import Link from 'next/link';
import { responsesHref } from '@/lib/admin/survey-responses/filters';
import type { AdminResponseListItem } from '@/lib/admin/survey-responses/list';
import { ratingText } from '@/lib/admin/survey-info';
import { TableHead } from '../../_components/table-head';
import { AttributionLinks } from './detail-parts';

function Responder({ r }: { r: AdminResponseListItem['responder'] }) {
  if (r.id === null) return r.anonymousId ? <>anonymous {r.anonymousId}</> : <span className="admin-muted">none</span>;
  return (
    <>
      {r.name ?? `user ${r.id}`}
      {r.email && <div className="admin-muted">{r.email}</div>}
    </>
  );
}

/** The responses table; each row's creation time links to the response. */
export function ResponsesTable({ rows }: { rows: AdminResponseListItem[] }) {
  return (
    <div className="responses-scroll" role="region" aria-label="Responses" tabIndex={0}>
      <table className="admin-table responses-table">
        <TableHead columns={['Created (UTC)', 'Survey', 'Rating', 'Category', 'Reason', 'Comment', 'Responder', 'Subjects', 'Assigned', 'Locale', 'Method', 'State']} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={`/admin/survey_responses/${r.id}`} prefetch={false}>
                  {r.created}
                  <span className="responses-sr"> response {r.id}</span>
                </Link>
              </th>
              <td className="responses-nowrap" title={r.survey.label}>
                {r.survey.short} v{r.survey.version}
              </td>
              <td className="responses-nowrap">{r.rating && ratingText(r.rating)}</td>
              <td>{r.category}</td>
              <td className="responses-text">{r.reasons.join('; ')}</td>
              <td className="responses-text">{r.comment}</td>
              <td>
                <Responder r={r.responder} />
              </td>
              <td>
                {r.subjects.map((zrn) => (
                  <div key={zrn}>
                    <Link href={responsesHref({ subject: zrn })} prefetch={false}>
                      {zrn}
                    </Link>
                  </div>
                ))}
              </td>
              <td className="responses-nowrap">
                <AttributionLinks attribution={r.attribution} />
              </td>
              <td>{r.locale}</td>
              <td>
                {r.method}
                {r.forced && <span className="responses-badge">forced</span>}
              </td>
              <td>{r.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
