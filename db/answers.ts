import { getDb, preparedOnce, type Db } from './client';

const ratings = preparedOnce((db: Db) =>
  db.$client
    .prepare(
      `select a.rating from survey_responses r join answers a on a.response_id = r.id and a.question_id = ?
       where r.survey_id = ? and r.id >= ? and r.id <= ? and a.type = 'rating_scale'`,
    )
    .pluck(),
);

/** The ratings given to one question of a survey, for responses whose ids fall in [loId, hiId]. */
export async function findRatings(input: { surveyId: string; questionId: string; loId: string; hiId: string }): Promise<number[]> {
  getDb();
  return ratings().all(input.questionId, input.surveyId, input.loId, input.hiId) as number[];
}
