import type { BreakdownCount, DailyCount } from '../admin-figures';
import { pool, rows } from './client';

/** The daily cells of one survey over [fromDay, toDay] (inclusive). Kept exact by triggers. */
export async function findDailyCounts(input: { surveyId: string; fromDay: number; toDay: number }): Promise<DailyCount[]> {
  const found = await rows<[number, boolean, number, string, number]>(
    await pool(),
    `select day, answered, rating, rating_category, responses from survey_daily_counts
     where survey_id = $1 and day >= $2 and day <= $3 and responses > 0 order by day`,
    [input.surveyId, input.fromDay, input.toDay],
  );
  return found.map(([day, answered, rating, category, responses]) => ({
    day,
    answered,
    rating: rating < 0 ? null : rating,
    ratingCategory: category === '' ? null : category,
    responses,
  }));
}

/** How often each closed-ended option was chosen in one survey over [fromDay, toDay]. */
export async function findReasonCounts(input: { surveyId: string; fromDay: number; toDay: number }) {
  const found = await rows<[string, string, number]>(
    await pool(),
    `select question_id, option_id, sum(responses)::int from survey_daily_reasons
     where survey_id = $1 and day >= $2 and day <= $3 group by question_id, option_id having sum(responses) > 0 order by question_id, option_id`,
    [input.surveyId, input.fromDay, input.toDay],
  );
  return found.map(([questionId, optionId, responses]) => ({ questionId, optionId, responses }));
}

/** The newest responses of a survey in an id range with one rating category, with their first comment. */
export async function findRecentRated(input: { surveyId: string; loId: string; hiId: string; category: string; limit: number }) {
  const found = await rows<[string, number, string, string, string | null]>(
    await pool(),
    `select r.id, r.rating, r.subject_zrns, r.locale,
       (select a.value from answers a where a.response_id = r.id and a.type = 'open_ended' and a.value <> '' order by a.position limit 1)
     from survey_responses r
     where r.survey_id = $1 and r.id >= $2 and r.id <= $3 and r.rating_category = $4 order by r.id desc limit $5`,
    [input.surveyId, input.loId, input.hiId, input.category, input.limit],
  );
  return found.map(([id, rating, zrns, locale, comment]) => ({ id, rating, subjectZrns: JSON.parse(zrns) as string[], locale, comment }));
}

/** Per assignee, group and brand of one survey over [fromDay, toDay]: its responses' counts. Kept exact by triggers. */
export async function findBreakdownCounts(input: { surveyId: string; fromDay: number; toDay: number }): Promise<BreakdownCount[]> {
  const found = await rows<[BreakdownCount['dimension'], number, number, number, number, number, number]>(
    await pool(),
    `select dimension, dimension_id, sum(offered)::int, sum(answered)::int, sum(good)::int, sum(neutral)::int, sum(bad)::int from survey_breakdown_counts
     where survey_id = $1 and day >= $2 and day <= $3 group by dimension, dimension_id having sum(offered) > 0`,
    [input.surveyId, input.fromDay, input.toDay],
  );
  return found.map(([dimension, id, offered, answered, good, neutral, bad]) => ({ dimension, id, offered, answered, good, neutral, bad }));
}
