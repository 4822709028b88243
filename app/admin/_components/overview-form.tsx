
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
