import { getDb, preparedOnce, type Db } from './client';

/** One cell of survey_daily_counts: responses created on `day` (UTC epoch day) in one state. */
export interface DailyCount {
  day: number;
  answered: boolean;
  /** null when the response has no rating (not answered yet, or the rating was skipped). */
  rating: number | null;
  ratingCategory: string | null;
  responses: number;
}

const statements = preparedOnce((db: Db) => ({
  range: db.$client
    .prepare(
      `select day, answered, rating, rating_category, responses from survey_daily_counts
       where survey_id = ? and day >= ? and day <= ? and responses > 0 order by day`,
    )
    .raw(true),
}));

/** The daily cells of one survey over [fromDay, toDay] (inclusive). Kept exact by SQL triggers. */
export async function findDailyCounts(input: { surveyId: string; fromDay: number; toDay: number }): Promise<DailyCount[]> {
  getDb();
  return (statements().range.all(input.surveyId, input.fromDay, input.toDay) as [number, number, number, string, number][]).map(
    ([day, answered, rating, category, responses]) => ({
      day,
      answered: answered === 1,
      rating: rating < 0 ? null : rating,
      ratingCategory: category === '' ? null : category,
      responses,
    }),
  );
}
