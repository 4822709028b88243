import type { TextDraft } from '@/lib/admin/surveys/form-model';

/** A text content object: static text, or a dynamic-content key with its default-locale text. */
type Props = { name: string; label: string; text: TextDraft; invalid: (field: string) => boolean; shown: { locale: string; text: string | undefined } };

export function TextFields({ name, label, text, invalid, shown }: Props) {
  return (
    <div className="surveys-text">
      <label>
        {`${label} source`}
        <select name={`${name}.kind`} defaultValue={text.kind}>
          <option value="static">Static text</option>
          <option value="dynamic">Dynamic content key</option>
        </select>
      </label>
      <label>
        {`${label} key (dynamic only)`}
        <input name={`${name}.key`} defaultValue={text.key} aria-invalid={invalid(`${name}.key`) || undefined} placeholder="dc.surveys.…" />
      </label>
      <label className="surveys-wide">
        {`${label} text (en-us fallback for a key)`}
        <input name={`${name}.value`} defaultValue={text.value} aria-invalid={invalid(`${name}.value`) || undefined} />
      </label>
      {shown.text !== undefined && <p className="admin-muted surveys-shown">{`In ${shown.locale}: ${shown.text}`}</p>}
    </div>
  );
}
