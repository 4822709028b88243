import type { Dialect } from '../url';

// The overview's daily figure tables are kept by triggers (db/sqlite/migrations 0002, 0003 and 0005;
// db/postgres/migrations 0001): a response sits in one survey_daily_counts cell; a closed-ended
// answer adds one to survey_daily_reasons per option chosen. A cell whose responses went back to 0 is
// kept by the triggers, so such cells count as absent. These statements count the cells afresh from
// survey_responses and answers, the way the triggers define them, and return every cell whose stored
// figure differs: [...key, stored, counted].

export type FigureTable = 'survey_daily_counts' | 'survey_daily_reasons';

export const FIGURE_TABLES: FigureTable[] = ['survey_daily_counts', 'survey_daily_reasons'];

/** Column names of each table's key, in the order the statements return them. */
const KEYS: Record<FigureTable, string[]> = {
  survey_daily_counts: ['survey_id', 'day', 'answered', 'rating', 'rating_category'],
  survey_daily_reasons: ['survey_id', 'day', 'question_id', 'option_id'],
};

function differing(table: FigureTable, counted: string): string {
  const key = KEYS[table];
  return `with counted as (${counted}),
stored as (select ${key.join(', ')}, responses from ${table} where responses <> 0)
select ${key.map((k) => `coalesce(s.${k}, c.${k})`).join(', ')}, coalesce(s.responses, 0), coalesce(c.responses, 0)
from stored s full join counted c on ${key.map((k) => `c.${k} = s.${k}`).join(' and ')}
where coalesce(s.responses, 0) <> coalesce(c.responses, 0)
order by 1, 2`;
}

/** The statement returning every cell of `table` that differs from what its source rows add up to. */
export function differingCells(table: FigureTable, dialect: Dialect): string {
  if (table === 'survey_daily_counts') {
    return differing(
      table,
      `select survey_id, created_at / 86400000 as day, answered_at is not null as answered, coalesce(rating, -1) as rating,
  coalesce(rating_category, '') as rating_category, count(*) as responses
from survey_responses group by 1, 2, 3, 4, 5`,
    );
  }
  // PostgreSQL: the option ids compare byte by byte, as the table's `collate "C"` key does.
  const options =
    dialect === 'sqlite'
      ? 'cross join json_each(a.selections) j'
      : 'cross join lateral jsonb_array_elements_text(a.selections::jsonb) as j(value)';
  const option = dialect === 'sqlite' ? 'j.value' : 'j.value collate "C"';
  return differing(
    table,
    `select r.survey_id, r.created_at / 86400000 as day, a.question_id, ${option} as option_id, count(*) as responses
from answers a join survey_responses r on r.id = a.response_id ${options}
where a.type = 'closed_ended' and a.selections is not null
group by 1, 2, 3, 4`,
  );
}

/** How many cells of `table` hold a figure. */
export const filledCells = (table: FigureTable) => `select count(*) from ${table} where responses <> 0`;

const day = (value: unknown) => new Date(Number(value) * 86_400_000).toISOString().slice(0, 10);

/** One differing cell, for a message: `survey 01J… 2026-01-31 answered rating 2 (bad): 3 stored, 2 counted`. */
export function describeCell(table: FigureTable, row: unknown[]): string {
  const [surveyId, days] = row;
  const [stored, counted] = row.slice(-2);
  const figures = `${String(stored)} stored, ${String(counted)} counted`;
  if (table === 'survey_daily_counts') {
    const [, , answered, rating, category] = row;
    const state = answered === true || answered === 1 ? 'answered' : 'unanswered';
    const scored = rating === -1 ? 'no rating' : `rating ${String(rating)}${category ? ` (${String(category)})` : ''}`;
    return `survey ${String(surveyId)} ${day(days)} ${state} ${scored}: ${figures}`;
  }
  const [, , question, option] = row;
  return `survey ${String(surveyId)} ${day(days)} question ${String(question)} option ${String(option)}: ${figures}`;
}
