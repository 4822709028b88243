'use client';

import { useActionState } from 'react';
import { describeField, hasCampaign, MAX_QUESTIONS, questionTypes, type EditorState } from '@/lib/admin/surveys/form-model';
import { editSurveyAction } from './actions';
import { QuestionFields } from './question-fields';
import { SettingsFields } from './settings-fields';

// The editor is one plain form with indexed field names (q.0.type, q.0.o.2.label.value, …) whose
// buttons all post the whole draft to one server action: "save" writes a new version, the others
// (add/remove a question, option or rule; "update form" after changing a type or scale) come back
// with the changed draft. So it works without JavaScript (React's progressive enhancement of the
// action) and holds no state of its own; this client component exists only for useActionState,
// which carries the draft and its errors from one round trip to the next. The server parses every
// field with zod and validates the result with the API's own schemas: nothing trusts the client.

export function SurveyEditor({ id, initial }: { id: string; initial: EditorState }) {
  const [state, action, pending] = useActionState(editSurveyAction, initial);
  const { draft, errors, notice } = state;
  const errorsFor = (prefix: string) => errors.filter((e) => e.field.startsWith(prefix));
  const next = draft.baseVersion + 1;
  const save = (
    <button className="admin-button" type="submit" name="op" value="save" disabled={pending}>
      {`Save as version ${next}`}
    </button>
  );
  return (
    <form key={state.rev} action={action} noValidate className="surveys-editor" aria-busy={pending}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="base_version" value={draft.baseVersion} />
      <div className="surveys-toolbar">
        {save}
        <button className="admin-button admin-button-quiet" type="submit" name="op" value="refresh" disabled={pending}>
          Update form
        </button>
        <span className="admin-muted">Update form applies a changed question type, kind of rating or scale before saving.</span>
      </div>
      {notice && (
        <p className="admin-notice" role="status">
          {notice}
        </p>
      )}
      {errors.length > 0 && (
        <div className="admin-error" role="alert">
          <p>The survey was not saved:</p>
          <ul>
            {errors.map((e, k) => (
              <li key={k}>{e.field ? `${describeField(e.field)}: ${e.message}` : e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {draft.questions.map((q, i) => (
        <QuestionFields key={i} question={q} index={i} questions={draft.questions} errors={errorsFor(`q.${i}.`)} shown={state.shown} />
      ))}
      {draft.questions.length < MAX_QUESTIONS && (
        <div className="surveys-add">
          <label>
            Type of the new question
            <select name="add_type" defaultValue="open_ended">
              {questionTypes.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <button className="admin-button admin-button-quiet" type="submit" name="op" value="add-question">
            Add question
          </button>
        </div>
      )}
      {hasCampaign(draft.type) && <SettingsFields settings={draft.settings} errors={errorsFor('s.')} />}
      <div className="surveys-toolbar">{save}</div>
    </form>
  );
}
