import type { Breakdown, BreakdownRow } from '@/lib/admin/overview/breakdowns';
import type { ReadyOverview } from '@/lib/admin/overview/overview';
import { pct, signed } from './overview-format';
import { TableHead } from './table-head';
import { TableScroll } from './table-scroll';

const TITLES: Record<Breakdown['dimension'], { heading: string; column: string; plural: string; none: string }> = {
  assignee: { heading: 'By assignee', column: 'Assignee', plural: 'assignees', none: 'No responses with an assignee in these days.' },
  group: { heading: 'By group', column: 'Group', plural: 'groups', none: 'No responses with a group in these days.' },
  brand: { heading: 'By brand', column: 'Brand', plural: 'brands', none: 'No responses with a brand in these days.' },
};

const who = (row: BreakdownRow) => (row.name === undefined ? `#${row.id}` : `${row.name} (#${row.id})`);

// CSAT or NPS per assignee, group and brand; every figure links to the responses behind it.
export function Breakdowns({ o }: { o: ReadyOverview }) {
  const score = o.survey.nps ? 'NPS' : 'CSAT score';
  return (
    <>
      {o.breakdowns.map((b) => {
        const t = TITLES[b.dimension];
        return (
          <div key={b.dimension} className="overview-breakdown">
            <h3 id={`by-${b.dimension}`}>{t.heading}</h3>
            {b.rows.length === 0 ? (
              <p className="admin-muted">{t.none}</p>
            ) : (
              <TableScroll label={`${score} ${t.heading.toLowerCase()}`}>
                <table className="admin-table" aria-labelledby={`by-${b.dimension}`}>
                  <TableHead columns={[t.column, 'Offered', 'Answered', 'Response rate', score]} />
                  <tbody>
                    {b.rows.map((r) => (
                      <tr key={r.id}>
                        <th scope="row">{who(r)}</th>
                        <td>
                          <a href={r.offered.href}>{r.offered.count.toLocaleString('en-US')}</a>
                        </td>
                        <td>
                          <a href={r.answered.href}>{r.answered.count.toLocaleString('en-US')}</a>
                        </td>
                        <td>
                          <a href={r.answered.href}>{pct(r.responseRate)}</a>
                        </td>
                        <td>
                          <a href={r.scoreHref}>{o.survey.nps ? signed(r.score) : pct(r.score)}</a>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
            {b.allHref && (
              <p className="admin-muted">
                The {b.rows.length} most answered of {b.total.toLocaleString('en-US')} {t.plural}. <a href={b.allHref}>Show all {t.plural}</a>
              </p>
            )}
          </div>
        );
      })}
    </>
  );
}
