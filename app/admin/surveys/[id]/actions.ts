'use server';

import { notFound, redirect } from 'next/navigation';
import type { EditorState } from '@/lib/admin/surveys/form-model';
import { editorFields } from '@/lib/admin/surveys/form-fields';
import { surveyEditorForm, surveyStateForm } from '@/lib/admin/surveys/schemas';
import { setSurveyState, submitSurveyEditor } from '@/lib/admin/surveys/surveys';
import { ApiError } from '@/lib/errors';
import { pageAdmin } from '../../_components/session';
import { formFields } from '@/lib/http/form';

const rethrowNotFound = (error: unknown): never => {
  if (error instanceof ApiError && error.status === 404) notFound();
  throw error;
};

/** Every button of the editor posts here; lib decides between a round trip and a new version. */
export async function editSurveyAction(previous: EditorState, form: FormData): Promise<EditorState> {
  const admin = await pageAdmin();
  const fields = formFields(form);
  const target = surveyEditorForm.safeParse(fields);
  if (!target.success) notFound();
  const { id } = target.data;
  const parsed = editorFields.safeParse(fields);
  if (!parsed.success) return { ...previous, errors: [{ field: '', message: 'The form is too large.' }], rev: previous.rev + 1 };
  const result = await submitSurveyEditor({ actor: admin, id, fields: parsed.data, rev: previous.rev }).catch(rethrowNotFound);
  if (result.saved) redirect(`/admin/surveys/${id}?saved=${result.version}`);
  return result.state;
}

/** Enable / disable, the same path as PUT {"survey":{"state":…}}. */
export async function setStateAction(form: FormData) {
  const admin = await pageAdmin();
  const parsed = surveyStateForm.safeParse(formFields(form));
  if (!parsed.success) notFound();
  await setSurveyState({ actor: admin, ...parsed.data }).catch(rethrowNotFound);
  redirect(`/admin/surveys/${parsed.data.id}?state=${parsed.data.state}`);
}
