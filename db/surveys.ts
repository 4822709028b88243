import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, preparedOnce } from './client';
import { surveys, surveyVersions, type CampaignSettings, type SurveyRow, type SurveyState, type SurveyType } from './schema';

// Read on every create, submit, show and list: a raw statement with its own mapping (drizzle's
// generic mapping showed in profiles).
const byId = preparedOnce((db) =>
  db.$client.prepare('select id, type, state, settings, latest_version, created_at, updated_at from surveys where id = ?').raw(true),
);
const versionOf = preparedOnce((db) =>
  db
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, sql.placeholder('id')), eq(surveyVersions.version, sql.placeholder('v'))))
    .prepare(),
);

interface SurveyVersion {
  surveyId: string;
  version: number;
  definition: unknown;
  createdAt: number;
}

// Versions never change once written, so a process may keep them.
const versionCache = new Map<string, SurveyVersion>();

export async function findSurvey({ id }: { id: string }): Promise<SurveyRow | undefined> {
  const r = byId().get(id) as unknown[] | undefined;
  if (!r) return undefined;
  return {
    id: r[0] as string,
    type: r[1] as SurveyType,
    state: r[2] as SurveyState,
    settings: JSON.parse(r[3] as string) as CampaignSettings,
    latestVersion: r[4] as number,
    createdAt: r[5] as number,
    updatedAt: r[6] as number,
  };
}

export async function findSurveyVersion({ surveyId, version }: { surveyId: string; version: number }) {
  const key = `${surveyId}:${version}`;
  let found = versionCache.get(key);
  if (!found) {
    const row = versionOf().get({ id: surveyId, v: version });
    if (!row) return undefined;
    found = row;
    versionCache.set(key, found);
  }
  return found;
}

export async function listSurveys({ types }: { types?: SurveyType[] } = {}): Promise<SurveyRow[]> {
  const db = getDb();
  const query = db.select().from(surveys);
  const filtered = types ? query.where(inArray(surveys.type, types)) : query;
  return filtered.orderBy(asc(surveys.id)).all();
}

export async function insertSurvey(input: {
  id: string;
  type: SurveyType;
  state: SurveyState;
  settings: CampaignSettings;
  definition: unknown;
  at: number;
}): Promise<SurveyRow> {
  const db = getDb();
  return db.transaction((tx) => {
    const row = tx
      .insert(surveys)
      .values({ id: input.id, type: input.type, state: input.state, settings: input.settings, latestVersion: 1, createdAt: input.at, updatedAt: input.at })
      .returning()
      .get();
    tx.insert(surveyVersions).values({ surveyId: input.id, version: 1, definition: input.definition, createdAt: input.at }).run();
    return row;
  }, { behavior: 'immediate' });
}

/**
 * Writes the next version and, optionally, a new state, in one transaction. With `expectedVersion`
 * the survey changes only while its latest version is still that one (another save since then
 * leaves it alone): `stale` then, with the version it is at now.
 */
export async function updateSurvey(input: {
  id: string;
  definition?: unknown;
  state?: SurveyState;
  settings?: CampaignSettings;
  expectedVersion?: number;
  at: number;
}): Promise<{ row: SurveyRow } | { stale: number } | undefined> {
  const db = getDb();
  return db.transaction((tx) => {
    const current = tx.select().from(surveys).where(eq(surveys.id, input.id)).get();
    if (!current) return undefined;
    const base = input.expectedVersion ?? current.latestVersion;
    const latestVersion = input.definition === undefined ? base : base + 1;
    const row = tx
      .update(surveys)
      .set({ latestVersion, state: input.state ?? current.state, settings: input.settings ?? current.settings, updatedAt: input.at })
      .where(and(eq(surveys.id, input.id), eq(surveys.latestVersion, base)))
      .returning()
      .get();
    if (!row) return { stale: current.latestVersion };
    if (latestVersion !== base) {
      tx.insert(surveyVersions).values({ surveyId: input.id, version: latestVersion, definition: input.definition, createdAt: input.at }).run();
    }
    return { row };
  }, { behavior: 'immediate' });
}
