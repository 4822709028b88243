import { describeField, targetingOps, type FieldError, type SurveyDraft } from '@/lib/admin/surveys/form-model';

const opLabels: Record<string, string> = {
  eq: 'equals',
  neq: 'does not equal',
  exists: 'is set',
  gte: 'is at least (number)',
  lte: 'is at most (number)',
  before: 'is before (ISO date)',
  after: 'is after (ISO date)',
};

/** Campaign settings of an app survey: anonymous answers, the re-survey window, targeting on user traits. */
export function SettingsFields({ settings, errors }: { settings: SurveyDraft['settings']; errors: FieldError[] }) {
  return (
    <fieldset className="surveys-question">
      <legend>Campaign settings</legend>
      <div className="surveys-row">
        <label className="surveys-check">
          <input type="checkbox" name="s.allow_anonymous" defaultChecked={settings.allowAnonymous} />
          Allow anonymous responses
        </label>
        <label>
          Re-survey after (days)
          <input name="s.resurvey_days" inputMode="decimal" defaultValue={settings.resurveyDays} />
        </label>
      </div>
      <div className="surveys-scroll">
        <table className="admin-table surveys-options">
          <caption>Targeting: every rule must hold for the user&apos;s traits (no rules: everyone)</caption>
          <thead>
            <tr>
              <th scope="col">Trait</th>
              <th scope="col">Condition</th>
              <th scope="col">Value</th>
              <th scope="col">Remove</th>
            </tr>
          </thead>
          <tbody>
            {settings.targeting.map((r, k) => (
              <tr key={k}>
                <td>
                  <input name={`s.t.${k}.trait`} defaultValue={r.trait} aria-label={`Rule ${k + 1} trait`} />
                </td>
                <td>
                  <select name={`s.t.${k}.op`} defaultValue={r.op} aria-label={`Rule ${k + 1} condition`}>
                    {targetingOps.map((op) => (
                      <option key={op} value={op}>
                        {opLabels[op]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input name={`s.t.${k}.value`} defaultValue={r.value} aria-label={`Rule ${k + 1} value`} />
                </td>
                <td>
                  <button className="admin-button admin-button-quiet" type="submit" name="op" value={`remove-rule:${k}`}>
                    {`Remove rule ${k + 1}`}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button className="admin-button admin-button-quiet" type="submit" name="op" value="add-rule">
        Add targeting rule
      </button>
      {errors.length > 0 && (
        <ul className="surveys-errors">
          {errors.map((e, k) => (
            <li key={k}>{`${describeField(e.field)}: ${e.message}`}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
