import { asc, inArray } from 'drizzle-orm';
import type { CampaignSettings, OutboxEvent, SurveyRow, SurveyState, SurveyType } from '../schema';
import { guarded, pool, postgres, postgresTransaction, row, run } from './client';
import { recordEventsOn } from './outbox';
import { surveys } from './schema';

export const SURVEY_COLUMNS = 'id, type, state, settings, latest_version, created_at, updated_at';
export type SurveyRaw = [string, SurveyType, SurveyState, string, number, number, number];
export const toSurvey = (r: SurveyRaw): SurveyRow => ({
  id: r[0],
  type: r[1],
  state: r[2],
  settings: JSON.parse(r[3]) as CampaignSettings,
  latestVersion: r[4],
  createdAt: r[5],
  updatedAt: r[6],
});
const INSERT_VERSION = 'insert into survey_versions (survey_id, version, definition, created_at) values ($1, $2, $3, $4)';

export async function findSurvey({ id }: { id: string }): Promise<SurveyRow | undefined> {
  const r = await row<SurveyRaw>(await pool(), `select ${SURVEY_COLUMNS} from surveys where id = $1`, [id]);
  return r && toSurvey(r);
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
  return postgresTransaction(async (client) => {
    const created = await row<SurveyRaw>(
      client,
      `insert into surveys (${SURVEY_COLUMNS}) values ($1, $2, $3, $4, 1, $5, $5) returning ${SURVEY_COLUMNS}`,
      [input.id, input.type, input.state, JSON.stringify(input.settings), input.at],
    );
    await run(client, INSERT_VERSION, [input.id, 1, JSON.stringify(input.definition), input.at]);
    return toSurvey(created!);
  });
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
  /** The events that report the change (db/outbox.ts), recorded in its transaction. */
  events?: (row: SurveyRow, previousVersion: number) => OutboxEvent[];
}): Promise<{ row: SurveyRow } | { stale: number } | undefined> {
  return postgresTransaction(async (client) => {
    const found = await row<SurveyRaw>(client, `select ${SURVEY_COLUMNS} from surveys where id = $1 for update`, [input.id]);
    if (!found) return undefined;
    const current = toSurvey(found);
    const base = input.expectedVersion ?? current.latestVersion;
    if (base !== current.latestVersion) return { stale: current.latestVersion };
    const latestVersion = input.definition === undefined ? base : base + 1;
    const updated = await row<SurveyRaw>(
      client,
      `update surveys set latest_version = $2, state = $3, settings = $4, updated_at = $5 where id = $1 returning ${SURVEY_COLUMNS}`,
      [input.id, latestVersion, input.state ?? current.state, JSON.stringify(input.settings ?? current.settings), input.at],
    );
    if (latestVersion !== base) await run(client, INSERT_VERSION, [input.id, latestVersion, JSON.stringify(input.definition), input.at]);
    const result = toSurvey(updated!);
    if (input.events) await recordEventsOn(client, input.events(result, base));
    return { row: result };
  });
}
