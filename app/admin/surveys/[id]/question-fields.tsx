import {
  describeField,
  isRatingType,
  questionTypes,
  ratingAt,
  ratingSubTypes,
  scaleSizes,
  type EditorState,
  type FieldError,
  type QuestionDraft,
} from '@/lib/admin/surveys/form-model';
import { FollowSelect } from './follow-select';
import { OptionRows } from './option-rows';
import { TextFields } from './text-fields';

type Props = { question: QuestionDraft; index: number; questions: QuestionDraft[]; errors: FieldError[]; shown: EditorState['shown'] };

export function QuestionFields({ question: q, index: i, questions, errors, shown }: Props) {
  const p = `q.${i}`;
  const invalid = (field: string) => errors.some((e) => e.field === field || e.field.startsWith(`${field}.`));
  const rating = isRatingType(q.type);
  const nps = rating && q.subType === 'net_promoter_score';
  return (
    <fieldset className="surveys-question">
      <legend>{`Question ${i + 1}`}</legend>
      <input type="hidden" name={`${p}.id`} value={q.id} />
      <div className="surveys-row">
        <label>
          Question type
          <select name={`${p}.type`} defaultValue={q.type}>
            {questionTypes.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Alias
          <input name={`${p}.alias`} defaultValue={q.alias} aria-invalid={invalid(`${p}.alias`) || undefined} />
        </label>
        {rating && (
          <label>
            Kind of rating
            <select name={`${p}.sub_type`} defaultValue={q.subType}>
              {ratingSubTypes.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
        )}
        {rating && !nps && (
          <label>
            Scale
            <select name={`${p}.scale`} defaultValue={String(q.scale)}>
              {scaleSizes.map((n) => (
                <option key={n} value={String(n)}>{`1 to ${n}`}</option>
              ))}
            </select>
          </label>
        )}
        {nps && <p className="admin-muted">Scale 0 to 10 (fixed for net_promoter_score)</p>}
      </div>
      <TextFields name={`${p}.headline`} label="Headline" text={q.headline} invalid={invalid} shown={{ locale: shown.locale, text: shown.texts[`${p}.headline`] }} />
      {q.options.length > 0 && (
        <OptionRows prefix={p} index={i} question={q} questions={questions} invalid={invalid} rate={(k) => ratingAt(q, k)} shown={(f) => (shown.texts[f] === undefined ? undefined : `In ${shown.locale}: ${shown.texts[f]}`)} />
      )}
      {q.type === 'open_ended' && (
        <label>
          Then ask
          <FollowSelect name={`${p}.follow`} label={`Question ${i + 1}: then ask`} from={i} questions={questions} value={q.follow} />
        </label>
      )}
      {errors.length > 0 && (
        <ul className="surveys-errors">
          {errors.map((e, k) => (
            <li key={k}>{`${describeField(e.field)}: ${e.message}`}</li>
          ))}
        </ul>
      )}
      {questions.length > 1 && (
        <button className="admin-button admin-button-quiet" type="submit" name="op" value={`remove-question:${i}`}>
          {`Remove question ${i + 1}`}
        </button>
      )}
    </fieldset>
  );
}
