import type { SurveyState, SurveyType } from '@/db/schema';
import { findSurvey } from '@/db/surveys';
import type { Actor } from '../../auth/credentials';
import { ApiError } from '../../errors';
import { previewSurveyPage } from '../../survey-page/view';
import { displayLocale, type Locale } from '../../i18n/locales';
import { updateSurveyBody } from '../../surveys/schemas';
import { createSurvey, loadVersion, surveyNotFound, updateSurvey } from '../../surveys/surveys';
import { requireAdmin } from '../../users/users';
import { definitionToDraft, draftToInput, reshapeQuestion, shownTexts } from './form';
import { apiFieldErrors, applyEditorOp, zodFieldErrors, type EditorFields, parseEditorForm } from './form-fields';
import type { EditorState, SurveyDraft } from './form-model';
import { starterQuestions } from './starters';

// The admin view's survey use-cases. Saving goes through the same schema (updateSurveyBody) and the
// same lib function (updateSurvey) as PUT /api/v2/guide/surveys/{id}.

const HISTORY = 10;

const shownFor = (actor: Actor, draft: SurveyDraft) => {
  const locale = displayLocale(actor.locale);
  return { locale, texts: shownTexts(draft, locale) };
};

export async function createStarterSurvey({ actor, type }: { actor: Actor; type: SurveyType }) {
  return createSurvey({ actor, survey: { type, state: 'enabled', questions: starterQuestions(type) } });
}

async function surveyWithLatest(actor: Actor, id: string) {
  requireAdmin(actor);
  const survey = await findSurvey({ id });
  const latest = survey && (await loadVersion(survey.id, survey.latestVersion));
  if (!survey || !latest) throw surveyNotFound();
  return { survey, latest };
}

/** The latest version as the editor's draft, and the newest versions (version, created) for the history. */
export async function surveyEditor({ actor, id }: { actor: Actor; id: string }) {
  const { survey, latest } = await surveyWithLatest(actor, id);
  const numbers = Array.from({ length: Math.min(HISTORY, survey.latestVersion) }, (_, i) => survey.latestVersion - i);
  const versions = (await Promise.all(numbers.map((v) => loadVersion(id, v)))).flatMap((v) => (v ? [{ version: v.version, createdAt: v.createdAt }] : []));
  const draft = definitionToDraft({ type: survey.type, version: latest.version, definition: latest.definition, settings: survey.settings });
  return { survey, versions, state: { draft, errors: [], shown: shownFor(actor, draft), rev: 0 } satisfies EditorState };
}

type SaveResult = { saved: true; version: number } | { saved: false; state: EditorState };

/**
 * One round trip of the editor: a button that adds or removes a part re-renders the draft; "save"
 * validates it like the API and writes a new version. Any problem comes back with the admin's input.
 */
export async function submitSurveyEditor({ actor, id, fields, rev }: { actor: Actor; id: string; fields: EditorFields; rev: number }): Promise<SaveResult> {
  const { survey } = await surveyWithLatest(actor, id);
  const parsed = parseEditorForm(fields, survey.type);
  const edited = applyEditorOp(parsed.draft, parsed.op, parsed.addType) ?? parsed.draft;
  const reshaped = edited.questions.map(reshapeQuestion);
  const draft = { ...edited, questions: reshaped.map((r) => r.question) };
  const back = (state: Pick<EditorState, 'errors' | 'notice'>): SaveResult => ({ saved: false, state: { draft, shown: shownFor(actor, draft), rev: rev + 1, ...state } });

  if (parsed.op !== 'save') return back({ errors: [] });
  if (reshaped.some((r) => r.changed)) {
    return back({ errors: [], notice: 'The options were changed to fit the new question type or scale. Check them, then save.' });
  }
  const body = updateSurveyBody.safeParse({ survey: draftToInput(draft) });
  if (!body.success) return back({ errors: zodFieldErrors(body.error) });
  try {
    // Saved only if the survey is still at the draft's version: two admins saving at once cannot
    // overwrite each other (the check and the write are one transaction).
    const updated = await updateSurvey({ actor, id, survey: body.data.survey, expectedVersion: draft.baseVersion });
    return { saved: true, version: updated.version };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return back({ errors: apiFieldErrors(error) });
    if (error instanceof ApiError && error.status === 409) {
      const now = (await findSurvey({ id }))?.latestVersion ?? survey.latestVersion;
      const message = `This survey was changed elsewhere and is now at version ${now}. Reload the page to edit the latest version.`;
      return back({ errors: [{ field: '', message }] });
    }
    throw error;
  }
}

/** Enables or disables a survey, as PUT {"survey":{"state":…}} does. */
export async function setSurveyState({ actor, id, state }: { actor: Actor; id: string; state: SurveyState }) {
  return updateSurvey({ actor, id, survey: { state } });
}

/** The customer page of a version (the latest when `version` is absent or above it), with no response behind it. */
export async function surveyPreview({ actor, id, version, locale }: { actor: Actor; id: string; version?: number; locale: Locale }) {
  const { survey, latest } = await surveyWithLatest(actor, id);
  const shown = version && version < latest.version ? await loadVersion(id, version) : latest;
  if (!shown) throw surveyNotFound();
  return { survey, version: shown.version, view: previewSurveyPage({ definition: shown.definition, locale }) };
}
