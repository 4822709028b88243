import type { z } from 'zod';
import type { CampaignSettings, SurveyRow, SurveyState, SurveyType } from '@/db/schema';
import { findSurvey, findSurveyVersion, insertSurvey, listSurveys as listRows, updateSurvey as updateRow } from '@/db/surveys';
import type { Actor } from '../auth/credentials';
import { conflict, forbidden, notFound } from '../errors';
import { newId } from '../ids';
import { displayLocale } from '../i18n/locales';
import { requireAdmin } from '../users/users';
import type { SurveyDefinition } from './definition';
import { normalizeQuestions } from './normalize';
import type { campaignSettings, QuestionInput } from './schemas';
import { serializeSurvey } from './serialize';
import { surveyUpdatedEvents } from '../webhooks/events';

// Zendesk's title for an unknown survey (docs/zendesk-api.md), as Create uses it.
export const surveyNotFound = () => notFound('The survey is not found by provided id');

/** A survey version's questions; versions are immutable, so this is what a response is pinned to. */
export async function loadVersion(surveyId: string, version: number) {
  const row = await findSurveyVersion({ surveyId, version });
  if (!row) return undefined;
  return { version: row.version, definition: row.definition as SurveyDefinition, createdAt: row.createdAt };
}

async function latest(survey: SurveyRow) {
  const version = await loadVersion(survey.id, survey.latestVersion);
  if (!version) throw new Error(`survey ${survey.id} has no version ${survey.latestVersion}`);
  return version;
}

/** Agents and admins list surveys (Zendesk: "Allowed for: Agent users"). */
export async function listSurveys({ actor, locale, types }: { actor: Actor; locale: string; types?: SurveyType[] }) {
  if (actor.role === 'end_user') throw forbidden();
  const shown = displayLocale(locale);
  const rows = await listRows({ ...(types && { types }) });
  const surveys = await Promise.all(rows.map(async (s) => serializeSurvey(s, await latest(s), shown)));
  // Surveys are few: one page holds them all.
  return { surveys, meta: { has_more: false, after_cursor: null, before_cursor: null } };
}

/** Anyone may read a survey version; a version above the latest gives the latest. */
export async function showSurvey({ id, version, locale }: { id: string; version: number; locale: string }) {
  const survey = await findSurvey({ id });
  if (!survey) throw surveyNotFound();
  const found = await loadVersion(id, Math.min(version, survey.latestVersion));
  if (!found) throw surveyNotFound();
  return serializeSurvey(survey, found, displayLocale(locale));
}

export const DEFAULT_SETTINGS: CampaignSettings = { allow_anonymous: false, resurvey_days: 90, targeting: [] };

type SettingsInput = z.output<typeof campaignSettings>;

export async function createSurvey({
  actor,
  survey,
}: {
  actor: Actor;
  survey: { type: SurveyType; state: SurveyState; settings?: SettingsInput; questions: QuestionInput[] };
}) {
  requireAdmin(actor);
  const definition = normalizeQuestions(survey.questions, survey.type);
  const settings = { ...DEFAULT_SETTINGS, ...survey.settings } as CampaignSettings;
  const row = await insertSurvey({ id: newId(), type: survey.type, state: survey.state, settings, definition, at: Date.now() });
  return serializeSurvey(row, await latest(row), displayLocale(actor.locale));
}

/**
 * New questions make a new version (old responses keep theirs); `state` enables or disables. With
 * `expectedVersion` (an editor's draft), a survey saved by someone else since then is a 409, checked
 * in the same transaction as the write.
 */
export async function updateSurvey({
  actor,
  id,
  survey,
  expectedVersion,
}: {
  actor: Actor;
  id: string;
  survey: { state?: SurveyState; settings?: SettingsInput; questions?: QuestionInput[] };
  expectedVersion?: number;
}) {
  requireAdmin(actor);
  const current = await findSurvey({ id });
  if (!current) throw surveyNotFound();
  const before = await latest(current);
  const definition = survey.questions ? normalizeQuestions(survey.questions, current.type, before.definition) : undefined;
  const settings = survey.settings && ({ ...DEFAULT_SETTINGS, ...current.settings, ...survey.settings } as CampaignSettings);
  const at = Date.now();
  const result = await updateRow({
    id,
    at,
    // survey.updated: the survey as this API shows it in en-us after the change.
    events: (row, previousVersion) => {
      const version = { version: row.latestVersion, definition: definition ?? before.definition, createdAt: definition ? at : before.createdAt };
      return surveyUpdatedEvents({ surveyId: id, detailJson: JSON.stringify(serializeSurvey(row, version, 'en-us')), previousVersion, at });
    },
    ...(definition && { definition }),
    ...(survey.state && { state: survey.state }),
    ...(settings && { settings }),
    ...(expectedVersion !== undefined && { expectedVersion }),
  });
  if (!result) throw surveyNotFound();
  if ('stale' in result) throw conflict('The survey was changed elsewhere', `It is now at version ${result.stale}.`);
  return serializeSurvey(result.row, await latest(result.row), displayLocale(actor.locale));
}

/** Seeds a survey outside any request (first start, tests, demo data). */
export async function seedSurvey(input: { type: SurveyType; definition: SurveyDefinition }) {
  return insertSurvey({ id: newId(), type: input.type, state: 'enabled', settings: DEFAULT_SETTINGS, definition: input.definition, at: Date.now() });
}
