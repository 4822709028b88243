import type { QuestionDraft } from '@/lib/admin/surveys/form-model';
import { FollowSelect } from './follow-select';

type Props = {
  prefix: string;
  index: number;
  question: QuestionDraft;
  questions: QuestionDraft[];
  invalid: (field: string) => boolean;
  rate: (k: number) => number;
  shown: (field: string) => string | undefined;
};

/** One row per option: its label (static or dynamic), emoji on an emoji scale, and the follow-up. */
export function OptionRows({ prefix, index: i, question: q, questions, invalid, rate, shown }: Props) {
  const closed = q.type === 'closed_ended';
  const emoji = q.type === 'rating_scale_emoji';
  return (
    <div className="surveys-scroll">
      <table className="admin-table surveys-options">
        <caption>{`Question ${i + 1}: ${closed ? 'options' : 'ratings'} and what follows each`}</caption>
        <thead>
          <tr>
            <th scope="col">{closed ? 'Option' : 'Rating'}</th>
            <th scope="col">Label source</th>
            <th scope="col">Key (dynamic only)</th>
            <th scope="col">Label text</th>
            {emoji && <th scope="col">Emoji</th>}
            <th scope="col">Then ask</th>
            {closed && <th scope="col">Remove</th>}
          </tr>
        </thead>
        <tbody>
          {q.options.map((o, k) => {
            const p = `${prefix}.o.${k}`;
            const name = closed ? `Question ${i + 1} option ${k + 1}` : `Question ${i + 1} rating ${rate(k)}`;
            return (
              <tr key={k}>
                <th scope="row">
                  {closed ? k + 1 : rate(k)}
                  <input type="hidden" name={`${p}.id`} value={o.id} />
                </th>
                <td>
                  <select name={`${p}.label.kind`} defaultValue={o.label.kind} aria-label={`${name} label source`}>
                    <option value="static">Static text</option>
                    <option value="dynamic">Dynamic content key</option>
                  </select>
                </td>
                <td>
                  <input name={`${p}.label.key`} defaultValue={o.label.key} aria-label={`${name} label key`} aria-invalid={invalid(`${p}.label.key`) || undefined} />
                </td>
                <td>
                  <input name={`${p}.label.value`} defaultValue={o.label.value} aria-label={`${name} label text`} aria-invalid={invalid(`${p}.label.value`) || undefined} />
                  {shown(`${p}.label`) !== undefined && <span className="admin-muted surveys-shown">{shown(`${p}.label`)}</span>}
                </td>
                {emoji && (
                  <td>
                    <input name={`${p}.emoji`} defaultValue={o.emoji} size={3} aria-label={`${name} emoji`} aria-invalid={invalid(`${p}.emoji`) || undefined} />
                  </td>
                )}
                <td>
                  <FollowSelect name={`${p}.follow`} label={`${name}: then ask`} from={i} questions={questions} value={o.follow} />
                </td>
                {closed && (
                  <td>
                    <button className="admin-button admin-button-quiet" type="submit" name="op" value={`remove-option:${i}:${k}`} disabled={q.options.length <= 1}>
                      {`Remove option ${k + 1}`}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {closed && (
        <button className="admin-button admin-button-quiet" type="submit" name="op" value={`add-option:${i}`}>
          {`Add option to question ${i + 1}`}
        </button>
      )}
    </div>
  );
}
