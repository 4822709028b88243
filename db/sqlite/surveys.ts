import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CampaignSettings, OutboxEvent, SurveyRow, SurveyState, SurveyType } from '../schema';
import { preparedOnce, reader, serialized, writer } from './client';
import { recordEventRows } from './outbox';
import { surveys, surveyVersions } from './schema';

// Read on every create, submit, show and list: a raw statement with its own mapping (drizzle's
// generic mapping showed in profiles).
const byId = preparedOnce(reader, (db) =>
  db.$client.prepare('select id, type, state, settings, latest_version, created_at, updated_at from surveys where id = ?').raw(true),
);
const versionOf = preparedOnce(reader, (db) =>
  db
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, sql.placeholder('id')), eq(surveyVersions.version, sql.placeholder('v'))))
    .prepare(),
);

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
  return versionOf().get({ id: surveyId, v: version });
}

export async function listSurveys({ types }: { types?: SurveyType[] } = {}): Promise<SurveyRow[]> {
  const query = reader().select().from(surveys);
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
  return serialized(() =>
    writer().transaction(
      (tx) => {
        const row = tx
          .insert(surveys)
          .values({ id: input.id, type: input.type, state: input.state, settings: input.settings, latestVersion: 1, createdAt: input.at, updatedAt: input.at })
          .returning()
          .get();
        tx.insert(surveyVersions).values({ surveyId: input.id, version: 1, definition: input.definition, createdAt: input.at }).run();
        return row;
      },
      { behavior: 'immediate' },
    ),
  );
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
  /** The events that report the change (db/outbox.ts), recorded in its transaction. */
  events?: (row: SurveyRow, previousVersion: number) => OutboxEvent[];
}): Promise<{ row: SurveyRow } | { stale: number } | undefined> {
  return serialized(() =>
    writer().transaction(
      (tx) => {
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
        if (input.events) recordEventRows(input.events(row, base));
        return { row };
      },
      { behavior: 'immediate' },
    ),
  );
}
