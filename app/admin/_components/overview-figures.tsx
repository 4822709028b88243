import type { ReadyOverview } from '@/lib/admin/overview/overview';
import { pct, signed } from './overview-format';
import { TableHead } from './table-head';
import { TableScroll } from './table-scroll';

export function Figures({ o }: { o: ReadyOverview }) {
  const names = o.survey.categoryNames;
  return (
    <>
      <dl className="overview-figures">
        <div>
          <dt>Responses offered</dt>
          <dd>
            <a href={o.offered.href}>{o.offered.count.toLocaleString('en-US')}</a>
          </dd>
        </div>
        <div>
          <dt>Answered</dt>
          <dd>
            <a href={o.answered.href}>{o.answered.count.toLocaleString('en-US')}</a>
          </dd>
        </div>
        <div>
          <dt>Response rate</dt>
          <dd>
            <a href={o.answered.href}>{pct(o.responseRate, 1)}</a>
          </dd>
        </div>
        <div>
          <dt>{o.survey.nps ? 'NPS' : 'CSAT score'}</dt>
          <dd>
            <a href={o.categories.find((c) => c.category === 'good')!.href}>{o.survey.nps ? signed(o.score) : pct(o.score, 1)}</a>
          </dd>
        </div>
      </dl>
      <ul className="overview-categories" aria-label={o.survey.nps ? 'Promoters, passives and detractors' : 'Good and bad ratings'}>
        {o.categories.map((c) => (
          <li key={c.category} className={`overview-${c.category}`}>
            <a href={c.href}>
              {names[c.category]}: {c.count.toLocaleString('en-US')} ({pct(c.share)})
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function Distribution({ o }: { o: ReadyOverview }) {
  const max = Math.max(1, ...o.distribution.map((d) => d.count));
  return (
    <TableScroll label="Ratings">
      <table className="admin-table overview-distribution">
        <caption>Ratings, {o.rated.toLocaleString('en-US')} in all</caption>
        <TableHead columns={['Rating', 'Responses', 'Share']} />
        <tbody>
          {o.distribution.map((d) => (
            <tr key={d.rating}>
              <th scope="row">{d.text}</th>
              <td>
                <a href={d.href} className="overview-bar-link">
                  <span className="overview-bar" style={{ width: `${(100 * d.count) / max}%` }} aria-hidden="true" />
                  {d.count.toLocaleString('en-US')}
                </a>
              </td>
              <td>{pct(d.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
