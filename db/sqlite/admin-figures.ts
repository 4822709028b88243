import type { BreakdownCount, DailyCount } from '../admin-figures';
import { preparedOnce, reader, type Db } from './client';

const statements = preparedOnce(reader, (db: Db) => ({
  range: db.$client
    .prepare(
      `select day, answered, rating, rating_category, responses from survey_daily_counts
       where survey_id = ? and day >= ? and day <= ? and responses > 0 order by day`,
    )
    .raw(true),
  reasons: db.$client
    .prepare(
      `select question_id, option_id, sum(responses) from survey_daily_reasons
       where survey_id = ? and day >= ? and day <= ? group by question_id, option_id having sum(responses) > 0 order by question_id, option_id`,
    )
    .raw(true),
  breakdowns: db.$client
    .prepare(
      `select dimension, dimension_id, sum(offered), sum(answered), sum(good), sum(neutral), sum(bad) from survey_breakdown_counts
       where survey_id = ? and day >= ? and day <= ? group by dimension, dimension_id having sum(offered) > 0`,
    )
    .raw(true),
  // Pinned: with the comment subquery the planner otherwise walks every response of the range.
  recent: db.$client
    .prepare(
      `select r.id, r.rating, r.subject_zrns, r.locale,
         (select a.value from answers a where a.response_id = r.id and a.type = 'open_ended' and a.value <> '' order by a.position limit 1)
       from survey_responses r indexed by survey_responses_survey_category_idx
       where r.survey_id = ? and r.id >= ? and r.id <= ? and r.rating_category = ? order by r.id desc limit ?`,
    )
    .raw(true),
}));

/** The daily cells of one survey over [fromDay, toDay] (inclusive). Kept exact by SQL triggers. */
export async function findDailyCounts(input: { surveyId: string; fromDay: number; toDay: number }): Promise<DailyCount[]> {
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

/** How often each closed-ended option was chosen in one survey over [fromDay, toDay]. */
export async function findReasonCounts(input: { surveyId: string; fromDay: number; toDay: number }) {
  return (statements().reasons.all(input.surveyId, input.fromDay, input.toDay) as [string, string, number][]).map(([questionId, optionId, responses]) => ({
    questionId,
    optionId,
    responses,
  }));
}

/** The newest responses of a survey in an id range with one rating category, with their first comment. */
export async function findRecentRated(input: { surveyId: string; loId: string; hiId: string; category: string; limit: number }) {
  return (statements().recent.all(input.surveyId, input.loId, input.hiId, input.category, input.limit) as [string, number, string, string, string | null][]).map(
    ([id, rating, zrns, locale, comment]) => ({ id, rating, subjectZrns: JSON.parse(zrns) as string[], locale, comment }),
  );
}

/** Per assignee, group and brand of one survey over [fromDay, toDay]: its responses' counts. Kept exact by SQL triggers. */
export async function findBreakdownCounts(input: { surveyId: string; fromDay: number; toDay: number }): Promise<BreakdownCount[]> {
  return (statements().breakdowns.all(input.surveyId, input.fromDay, input.toDay) as [BreakdownCount['dimension'], number, number, number, number, number, number][]).map(
    ([dimension, id, offered, answered, good, neutral, bad]) => ({ dimension, id, offered, answered, good, neutral, bad }),
  );
}
