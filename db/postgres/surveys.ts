import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CampaignSettings, SurveyRow, SurveyState, SurveyType } from '../schema';
import { guarded, pool, postgres, row } from './client';
import { surveys, surveyVersions } from './schema';

export async function findSurvey({ id }: { id: string }): Promise<SurveyRow | undefined> {
  const r = await row<[string, SurveyType, SurveyState, string, number, number, number]>(
    await pool(),
    'select id, type, state, settings, latest_version, created_at, updated_at from surveys where id = $1',
    [id],
  );
  if (!r) return undefined;
  return {
    id: r[0],
    type: r[1],
    state: r[2],
    settings: JSON.parse(r[3]) as CampaignSettings,
    latestVersion: r[4],
    createdAt: r[5],
    updatedAt: r[6],
  };
}

export async function findSurveyVersion({ surveyId, version }: { surveyId: string; version: number }) {
  const r = await row<[string, number, string, number]>(
    await pool(),
    'select survey_id, version, definition, created_at from survey_versions where survey_id = $1 and version = $2',
    [surveyId, version],
  );
  return r && { surveyId: r[0], version: r[1], definition: JSON.parse(r[2]) as unknown, createdAt: r[3] };
}

export async function listSurveys({ types }: { types?: SurveyType[] } = {}): Promise<SurveyRow[]> {
  const db = await postgres();
  const query = db.select().from(surveys);
  return guarded(() => (types ? query.where(inArray(surveys.type, types)) : query).orderBy(asc(surveys.id)));
}

export async function insertSurvey(input: {
  id: string;
  type: SurveyType;
  state: SurveyState;
  settings: CampaignSettings;
  definition: unknown;
  at: number;
}): Promise<SurveyRow> {
  const db = await postgres();
  return guarded(() =>
    db.transaction(async (tx) => {
      const [created] = await tx
        .insert(surveys)
        .values({ id: input.id, type: input.type, state: input.state, settings: input.settings, latestVersion: 1, createdAt: input.at, updatedAt: input.at })
        .returning();
      await tx.insert(surveyVersions).values({ surveyId: input.id, version: 1, definition: input.definition, createdAt: input.at });
      return created!;
    }),
  );
}

/**
 * Writes the next version and, optionally, a new state, in one transaction, the survey's row locked
 * (FOR UPDATE) so two saves cannot both make the same version. With `expectedVersion` the survey
 * changes only while its latest version is still that one: `stale` then, with the version it is at now.
 */
export async function updateSurvey(input: {
  id: string;
  definition?: unknown;
  state?: SurveyState;
  settings?: CampaignSettings;
  expectedVersion?: number;
  at: number;
}): Promise<{ row: SurveyRow } | { stale: number } | undefined> {
  const db = await postgres();
  return guarded(() =>
    db.transaction(async (tx) => {
      const [current] = await tx.select().from(surveys).where(eq(surveys.id, input.id)).for('update');
      if (!current) return undefined;
      const base = input.expectedVersion ?? current.latestVersion;
      if (base !== current.latestVersion) return { stale: current.latestVersion };
      const latestVersion = input.definition === undefined ? base : base + 1;
      const [updated] = await tx
        .update(surveys)
        .set({ latestVersion, state: input.state ?? current.state, settings: input.settings ?? current.settings, updatedAt: input.at })
        .where(and(eq(surveys.id, input.id), eq(surveys.latestVersion, base)))
        .returning();
      if (latestVersion !== base) {
        await tx.insert(surveyVersions).values({ surveyId: input.id, version: latestVersion, definition: input.definition, createdAt: input.at });
      }
      return { row: updated! };
    }),
  );
}
