import { createSurveyAction } from './actions';

/** "New survey": the type picks the starting questions (lib/admin/surveys-starters.ts). */
export function NewSurveyForm() {
  return (
    <form action={createSurveyAction} className="surveys-new">
      <label>
        Type of the new survey
        <select name="type" defaultValue="CUSTOMER_SATISFACTION">
          <option value="CUSTOMER_SATISFACTION">Customer satisfaction (CSAT)</option>
          <option value="NET_PROMOTER_SCORE">Net Promoter Score (NPS)</option>
          <option value="CUSTOM">Custom</option>
        </select>
      </label>
      <button className="admin-button" type="submit">
        New survey
      </button>
    </form>
  );
}
