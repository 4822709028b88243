import type { Overview } from '@/lib/admin/overview';

type Ready = Extract<Overview, { ok: true }>;

const pct = (value: number | null, digits = 0) => (value === null ? '–' : `${value.toFixed(digits)}%`);
/** "😀 5 · Very satisfied"; a plain number when the label is the number (NPS). */
const ratingName = (d: { rating: number; label: string; emoji?: string }) =>
  `${d.emoji ? `${d.emoji} ` : ''}${d.rating}${d.label === String(d.rating) ? '' : ` · ${d.label}`}`;
const signed = (value: number | null) => (value === null ? '–' : `${value > 0 ? '+' : ''}${Math.round(value)}`);

export function OverviewForm({ choices, survey, from, to, bucket }: { choices: { id: string; label: string }[]; survey?: string; from?: string; to?: string; bucket?: string }) {
  return (
    <form className="overview-form" method="get" action="/admin">
      <label>
        Survey
        <select name="survey" defaultValue={survey}>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        From (UTC)
        <input type="date" name="from" defaultValue={from} />
      </label>
      <label>
        To (UTC)
        <input type="date" name="to" defaultValue={to} />
      </label>
      <label>
        Trend by
        <select name="bucket" defaultValue={bucket}>
          <option value="day">Day</option>
          <option value="week">Week</option>
        </select>
      </label>
      <button className="admin-button" type="submit">
        Show
      </button>
    </form>
  );
}

export function Figures({ o }: { o: Ready }) {
  const names = o.survey.nps ? { good: 'Promoters', neutral: 'Passives', bad: 'Detractors' } : { good: 'Good', neutral: 'Neutral', bad: 'Bad' };
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

export function Distribution({ o }: { o: Ready }) {
  const max = Math.max(1, ...o.distribution.map((d) => d.count));
  return (
    <table className="admin-table overview-distribution">
      <caption>Ratings, {o.rated.toLocaleString('en-US')} in all</caption>
      <thead>
        <tr>
          <th scope="col">Rating</th>
          <th scope="col">Responses</th>
          <th scope="col">Share</th>
        </tr>
      </thead>
      <tbody>
        {o.distribution.map((d) => (
          <tr key={d.rating}>
            <th scope="row">{ratingName(d)}</th>
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
  );
}

export function TrendTable({ o }: { o: Ready }) {
  return (
    <details className="overview-trend-table">
      <summary>The trend as a table</summary>
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
    </details>
  );
}

export function Reasons({ o }: { o: Ready }) {
  if (o.reasons.length === 0) return <p className="admin-muted">No reasons were given in these days.</p>;
  return (
    <table className="admin-table">
      <caption>Reasons chosen after a rating</caption>
      <thead>
        <tr>
          <th scope="col">Reason</th>
          <th scope="col">Times chosen</th>
          <th scope="col">Share</th>
        </tr>
      </thead>
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
  );
}

export function FollowUp({ o }: { o: Ready }) {
  if (o.followUp.length === 0) return <p className="admin-muted">No {o.survey.nps ? 'detractors' : 'bad ratings'} in these days.</p>;
  const labels = new Map(o.distribution.map((d) => [d.rating, ratingName(d)]));
  return (
    <table className="admin-table">
      <caption>{o.survey.nps ? 'The newest detractors' : 'The newest bad ratings'}</caption>
      <thead>
        <tr>
          <th scope="col">Created (UTC)</th>
          <th scope="col">Rating</th>
          <th scope="col">Subjects</th>
          <th scope="col">Comment</th>
        </tr>
      </thead>
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
  );
}
