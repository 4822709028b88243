import { z } from 'zod';
import type { ApiError } from '../../errors';
import {
  MAX_CLOSED_OPTIONS,
  MAX_QUESTIONS,
  MAX_RULES,
  questionTypes,
  ratingSubTypes,
  targetingOps,
  type FieldError,
  type OptionDraft,
  type QuestionDraft,
  type SurveyDraft,
  type TextDraft,
} from './form-model';

// The editor's form fields (indexed names such as `q.0.o.2.label.value`) → a draft, the round-trip
// buttons (add/remove) applied to it, and the API's validation problems mapped back onto fields.

const line = z.string().max(5000);
/** At most so many fields and values: a form is never allowed to grow without bound. */
export const editorFields = z.record(z.string().max(100), z.array(line).max(60)).refine((r) => Object.keys(r).length <= 8000, 'too many fields');
export type EditorFields = z.output<typeof editorFields>;

const questionType = z.enum(questionTypes).catch('open_ended');
const subType = z.enum(ratingSubTypes).catch('other');
const op = z.enum(targetingOps).catch('eq');
const count = z.coerce.number().int().catch(0);
const version = z.coerce.number().int().min(1).catch(1);

/** What a button asks for: save, re-render (after changing a type or scale), or add/remove a part. */
const editorOp = z
  .string()
  .regex(/^(save|refresh|add-question|add-rule|remove-rule:\d+|remove-question:\d+|add-option:\d+|remove-option:\d+:\d+)$/)
  .catch('refresh');
type EditorOp = z.output<typeof editorOp>;

export function parseEditorForm(fields: EditorFields, type: SurveyDraft['type']): { draft: SurveyDraft; op: EditorOp; addType: QuestionDraft['type'] } {
  const get = (name: string) => fields[name]?.[0] ?? '';
  const has = (name: string) => fields[name] !== undefined;
  const text = (p: string): TextDraft => ({ kind: get(`${p}.kind`) === 'dynamic' ? 'dynamic' : 'static', key: get(`${p}.key`), value: get(`${p}.value`) });
  const indices = (prefix: string, last: string, max: number) => {
    const found: number[] = [];
    for (let i = 0; i < max && has(`${prefix}${i}.${last}`); i++) found.push(i);
    return found;
  };
  const questions = indices('q.', 'type', MAX_QUESTIONS + 1).map((i): QuestionDraft => {
    const p = `q.${i}`;
    const options = indices(`${p}.o.`, 'label.kind', MAX_CLOSED_OPTIONS + 1).map(
      (k): OptionDraft => ({ id: get(`${p}.o.${k}.id`), label: text(`${p}.o.${k}.label`), emoji: get(`${p}.o.${k}.emoji`), follow: get(`${p}.o.${k}.follow`) }),
    );
    return {
      id: get(`${p}.id`),
      alias: get(`${p}.alias`),
      type: questionType.parse(get(`${p}.type`)),
      subType: subType.parse(get(`${p}.sub_type`)),
      scale: count.parse(get(`${p}.scale`)),
      headline: text(`${p}.headline`),
      options,
      follow: get(`${p}.follow`),
    };
  });
  const targeting = indices('s.t.', 'op', MAX_RULES + 1).map((k) => ({ trait: get(`s.t.${k}.trait`), op: op.parse(get(`s.t.${k}.op`)), value: get(`s.t.${k}.value`) }));
  const draft: SurveyDraft = {
    type,
    baseVersion: version.parse(get('base_version')),
    questions,
    settings: { allowAnonymous: has('s.allow_anonymous'), resurveyDays: get('s.resurvey_days'), targeting },
  };
  return { draft, op: editorOp.parse(get('op')), addType: questionType.parse(get('add_type')) };
}

/** After removing question `removed`, follow-ups to it go to "next question"; later ones shift down. */
function shiftFollow(f: string, removed: number): string {
  if (!/^\d+$/.test(f)) return f;
  const n = Number(f);
  return n === removed ? '' : n > removed ? String(n - 1) : f;
}

function uniqueAlias(questions: QuestionDraft[]): string {
  const taken = new Set(questions.map((q) => q.alias));
  let n = questions.length + 1;
  while (taken.has(`question ${n}`)) n++;
  return `question ${n}`;
}

/** Applies an add/remove button to the draft; `undefined` when the button names nothing there. */
export function applyEditorOp(draft: SurveyDraft, op: EditorOp, addType: QuestionDraft['type'] = 'open_ended'): SurveyDraft | undefined {
  const [name, a, b] = op.split(':');
  const i = Number(a);
  const k = Number(b);
  const questions = [...draft.questions];
  const target = questions[i];
  switch (name) {
    case 'add-question': {
      if (questions.length >= MAX_QUESTIONS) return undefined;
      const headline: TextDraft = { kind: 'static', key: '', value: '' };
      questions.push({ id: '', alias: uniqueAlias(questions), type: addType, subType: 'other', scale: 5, headline, options: [], follow: '' });
      return { ...draft, questions };
    }
    case 'remove-question': {
      if (!target || questions.length <= 1) return undefined;
      questions.splice(i, 1);
      const shifted = questions.map((q) => ({ ...q, follow: shiftFollow(q.follow, i), options: q.options.map((o) => ({ ...o, follow: shiftFollow(o.follow, i) })) }));
      return { ...draft, questions: shifted };
    }
    case 'add-option': {
      if (target?.type !== 'closed_ended' || target.options.length >= MAX_CLOSED_OPTIONS) return undefined;
      const label: TextDraft = { kind: 'static', key: '', value: '' };
      questions[i] = { ...target, options: [...target.options, { id: '', label, emoji: '', follow: '' }] };
      return { ...draft, questions };
    }
    case 'remove-option': {
      if (target?.type !== 'closed_ended' || !target.options[k] || target.options.length <= 1) return undefined;
      questions[i] = { ...target, options: target.options.filter((_, j) => j !== k) };
      return { ...draft, questions };
    }
    case 'add-rule': {
      const { targeting } = draft.settings;
      if (targeting.length >= MAX_RULES) return undefined;
      return { ...draft, settings: { ...draft.settings, targeting: [...targeting, { trait: '', op: 'eq', value: '' }] } };
    }
    case 'remove-rule': {
      if (!draft.settings.targeting[i]) return undefined;
      return { ...draft, settings: { ...draft.settings, targeting: draft.settings.targeting.filter((_, j) => j !== i) } };
    }
    default:
      return draft;
  }
}

const names: Record<string, string> = { questions: 'q', options: 'o', settings: 's', targeting: 't', follow_up: 'follow' };

/** A path inside the API's `survey` body as the editor's field name: survey/questions/0/options/2 → q.0.o.2. */
function fieldOf(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'survey') parts.shift();
  return parts.map((p) => names[p] ?? p).join('.');
}

function readable(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string') return 'is required';
  if (issue.code === 'too_small' && issue.origin === 'array') return `needs at least ${String(issue.minimum)}`;
  return issue.message;
}

export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: fieldOf(issue.path), message: readable(issue) }));
}

/** The problems of normalizeQuestions (JSON pointers such as /survey/questions/0/options) as field errors. */
export function apiFieldErrors(error: ApiError): FieldError[] {
  return error.errors.map((e) => ({
    field: e.source && 'pointer' in e.source ? fieldOf(e.source.pointer.split('/').filter(Boolean)) : '',
    message: e.detail ?? e.title,
  }));
}
