import type { FormState } from '@/lib/admin/forms';
import './fields.css';

// Labelled inputs that show the server's message for their field, tied to it for screen readers.

/**
 * A key that changes with the values a refusal sends back: React resets a form after its action and
 * does not re-apply a select's defaultValue on update, so the form is mounted again with them.
 */
export function formKey(state: FormState): string {
  return JSON.stringify(state.values ?? {});
}

export function FormAlert({ state }: { state: FormState }) {
  if (!state.error) return null;
  return (
    <p className="admin-error" role="alert">
      {state.error}
    </p>
  );
}

type FieldProps = {
  form: string;
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  defaultValue?: string;
  options?: readonly string[];
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'form' | 'name' | 'defaultValue'>;

export function Field({ form, name, label, state, hint, defaultValue, options, ...input }: FieldProps) {
  const id = `${form}-${name}`;
  const error = state.fieldErrors?.[name];
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, defaultValue: state.values?.[name] ?? defaultValue };
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select {...common}>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} {...input} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="admin-muted form-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="form-field-error">
          {error}
        </p>
      )}
    </div>
  );
}
