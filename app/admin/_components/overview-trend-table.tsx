import type { ReadyOverview } from '@/lib/admin/overview/overview';
import { pct, signed } from './overview-format';
import { TableScroll } from './table-scroll';

export function TrendTable({ o }: { o: ReadyOverview }) {
  return (
    <details className="overview-trend-table">
      <summary>The trend as a table</summary>
      <TableScroll label="The trend as a table">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{o.range.bucket === 'day' ? 'Day' : 'Week from'}</th>
              <th scope="col">Offered</th>
              <th scope="col">Answered</th>
              <th scope="col">Rated</th>
              <th scope="col">{o.survey.nps ? 'NPS' : 'CSAT score'}</th>
            </tr>
          </thead>
          <tbody>
            {o.trend.map((b) => (
              <tr key={b.from}>
                <th scope="row">
                  <a href={b.href}>{b.from === b.to ? b.from : `${b.from} – ${b.to}`}</a>
                </th>
                <td>{b.offered}</td>
                <td>{b.answered}</td>
                <td>{b.rated}</td>
                <td>{o.survey.nps ? signed(b.score) : pct(b.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}
