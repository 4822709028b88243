import Link from 'next/link';
import type { FilterChoices } from '@/lib/admin/survey-responses/choices';
import { categoryNames } from '@/lib/admin/survey-info';

type Values = Record<string, string | undefined>;

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ''}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function Field({ name, label, value, type = 'text', hint }: { name: string; label: string; value?: string; type?: string; hint?: string }) {
  return (
    <label>
      {label}
      <input type={type} name={name} defaultValue={value ?? ''} placeholder={hint} />
    </label>
  );
}

/** The table's filters as a GET form: the URL carries them, so a filtered view can be shared. */
export function FilterForm({ values, choices }: { values: Values; choices: FilterChoices }) {
  // With a survey chosen, its own category names; across surveys, both.
  const names = choices.surveys.find((s) => s.id === values.survey)?.categoryNames;
  const categories = (['good', 'neutral', 'bad'] as const).map((c): [string, string] => [c, names?.[c] ?? `${categoryNames(false)[c]} (NPS ${categoryNames(true)[c].toLowerCase()})`]);
  return (
    <form method="get" action="/admin/survey_responses" className="responses-filters" aria-label="Filters">
      <Select name="survey" label="Survey" value={values.survey} options={choices.surveys.map((s) => [s.id, s.label])} />
      <Field name="from" label="From (UTC day)" type="date" value={values.from} />
      <Field name="to" label="To (UTC day)" type="date" value={values.to} />
      <Field name="rating" label="Rating" type="number" value={values.rating} hint="0–10" />
      <Select name="category" label="Category" value={values.category} options={categories} />
      <label>
        Reason
        <select name="reason" defaultValue={values.reason ?? ''}>
          <option value="">Any</option>
          {choices.reasons.map((group) => (
            <optgroup key={group.survey} label={group.survey}>
              {group.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <Select name="comment" label="Comment" value={values.comment} options={[['yes', 'With a comment'], ['no', 'Without a comment']]} />
      <Select
        name="state"
        label="State"
        value={values.state}
        options={[['answered', 'Answered'], ['offered,expired', 'Not answered'], ['offered', 'Offered (open)'], ['expired', 'Expired']]}
      />
      <Field name="locale" label="Locale" value={values.locale} hint="en-us" />
      <Field name="subject" label="Subject" value={values.subject} hint="zen:ticket:123" />
      <Field name="responder" label="Responder" value={values.responder} hint="user id or email" />
      {values.anonymous && <Field name="anonymous" label="Anonymous id" value={values.anonymous} />}
      <Field name="assignee" label="Assignee" value={values.assignee} hint="Zendesk user id" />
      <Field name="group" label="Group" value={values.group} hint="Zendesk group id" />
      <Field name="brand" label="Brand" value={values.brand} hint="Zendesk brand id" />
      <Field name="tag" label="Tag" value={values.tag} hint="vip" />
      <Select
        name="method"
        label="Method"
        value={values.method}
        options={[['link', 'Link (Zendesk API)'], ['In-App', 'In-App'], ['Mobile', 'Mobile'], ['Email', 'Email']]}
      />
      <div className="responses-filter-actions">
        <button className="admin-button" type="submit">
          Apply filters
        </button>
        <Link href="/admin/survey_responses" prefetch={false}>
          Reset
        </Link>
      </div>
    </form>
  );
}
