import type { NewAnswerRow, OutboxEvent, StoredAnswer, SurveyState } from './schema';
import { byDialect, isPostgres } from './client';
import { postgresTransaction } from './postgres/client';
import { postgresTx, saveAnswersIfUnchanged as postgresSaveIfUnchanged } from './postgres/tx';
import { sqliteTransaction } from './sqlite/client';
import { saveAnswersIfUnchanged as sqliteSaveIfUnchanged, sqliteTx } from './sqlite/tx';
import type { ResponseWithSubjects } from './survey-responses';

// A use case that must decide inside its transaction (a submit checks the response is still
// writable; an ingestion merges traits and checks for duplicates) runs its own rules in lib/ and
// reaches the database only through these steps. Each dialect implements them: db/sqlite/tx.ts,
// db/postgres/tx.ts.

export interface SaveAnswers {
  id: string;
  answers: StoredAnswer[];
  answersJson: string;
  at: number;
  rating: number | null;
  ratingCategory: string | null;
  hasComment: boolean;
  events: OutboxEvent[];
}

export interface Tx {
  /**
   * The response's expiry, its survey's state, when each question answered so far was first answered
   * and its rating so far (for the events); the response locked for this transaction.
   */
  writableResponse(id: string): Promise<
    | { expiresAt: number; surveyState: SurveyState; answerTimes: Map<string, number>; answeredAt: number | null; rating: number | null; ratingCategory: string | null }
    | undefined
  >;
  /**
   * Replaces all answer rows of a response, with its answers document and the figures copied from it,
   * and records the events that report it (db/outbox.ts).
   */
  saveAnswers(input: SaveAnswers): Promise<void>;

  findIdempotencyRecord(input: { writeKeyId: number; key: string }): Promise<{ requestHash: string; responseBody: string } | undefined>;
  insertIdempotencyRecord(input: { writeKeyId: number; key: string; requestHash: string; responseBody: string; at: number }): Promise<void>;
  /**
   * The user with this external id, with their traits and whether they answered the survey since
   * `window.sinceId`; when there is none and `add` is given, that user is added (as an end user; the
   * email only when no user has it yet) and returned with `added`. Undefined: none, and none added.
   * One statement on PostgreSQL.
   */
  findOrAddEndUser(input: {
    externalId: string;
    window: { surveyId: string; sinceId: string };
    add?: { email: string | null; name: string; locale: string; traits: Record<string, unknown>; at: number };
  }): Promise<{ id: number; traits: Record<string, unknown>; answered: boolean; added: boolean } | undefined>;
  updateUserTraits(input: { id: number; traits: Record<string, unknown>; at: number }): Promise<void>;
  /** Whether a response to the survey by this anonymous id has an id at or above `sinceId`. */
  answeredAnonymously(input: { surveyId: string; anonymousId: string; sinceId: string }): Promise<boolean>;
  /** Inserts a response with its answers, and records the events that report it. */
  insertResponse(response: ResponseWithSubjects, answers: NewAnswerRow[], events: OutboxEvent[]): Promise<void>;
}

/**
 * A submit's write without a transaction of the caller's: made only if the response's updated_at is
 * still `expectedUpdatedAt`, it has not expired by `at` and its survey is enabled; false otherwise
 * (nothing written), and the caller decides again inside a transaction. On PostgreSQL one statement.
 */
export const { saveAnswersIfUnchanged } = byDialect({ saveAnswersIfUnchanged: sqliteSaveIfUnchanged }, { saveAnswersIfUnchanged: postgresSaveIfUnchanged });

/**
 * Runs `work` in one transaction of the configured database: all of it commits, or none. `locks`
 * are names held from its start to its end, against every other transaction that names one of them
 * (any process): SQLite's write transactions run one at a time already; PostgreSQL takes advisory
 * locks with its BEGIN, in sorted order, so two transactions that name the same ones wait in turn.
 */
export function transaction<T>(work: (tx: Tx) => Promise<T>, { locks = [] }: { locks?: readonly string[] } = {}): Promise<T> {
  return isPostgres() ? postgresTransaction((client) => work(postgresTx(client)), locks) : sqliteTransaction((db) => work(sqliteTx(db)));
}
