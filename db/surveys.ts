import { byDialect, databaseIdentity } from './client';
import * as postgres from './postgres/surveys';
import * as sqlite from './sqlite/surveys';

const dialects = byDialect(sqlite, postgres);

export const { findSurvey, listSurveys, insertSurvey, updateSurvey } = dialects;

interface SurveyVersion {
  surveyId: string;
  version: number;
  definition: unknown;
  createdAt: number;
}

// A version is never changed once written, so every process that has read it holds what the database
// holds: keeping it is safe (per database, see databaseIdentity). Survey rows (state, latest version)
// are read every time.
const versions = new Map<string, SurveyVersion>();

export async function findSurveyVersion({ surveyId, version }: { surveyId: string; version: number }): Promise<SurveyVersion | undefined> {
  const key = `${databaseIdentity()}\n${surveyId}:${version}`;
  let found = versions.get(key);
  if (!found) {
    found = await dialects.findSurveyVersion({ surveyId, version });
    if (found) versions.set(key, found);
  }
  return found;
}
