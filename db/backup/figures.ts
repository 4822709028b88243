import type { Dialect } from '../url';

// The overview's figure tables are kept by triggers (db/sqlite/migrations 0002, 0003, 0005 and
// breakdown_counts; db/postgres/migrations 0001 and breakdown_counts): a response sits in one
// survey_daily_counts cell and in one survey_breakdown_counts row per assignee, group and brand it
// has; a closed-ended answer adds one to survey_daily_reasons per option chosen. A cell whose
// responses went back to 0 is kept by the triggers, so such cells count as absent. These statements count the cells afresh from
// survey_responses and answers, the way the triggers define them, and return every cell whose stored
// figure differs: [...key, stored, counted].

export type FigureTable = 'survey_daily_counts' | 'survey_daily_reasons' | 'survey_breakdown_counts';

export const FIGURE_TABLES: FigureTable[] = ['survey_daily_counts', 'survey_daily_reasons', 'survey_breakdown_counts'];

/** Column names of each table's key, in the order the statements return them. */
const KEYS: Record<FigureTable, string[]> = {
  survey_daily_counts: ['survey_id', 'day', 'answered', 'rating', 'rating_category'],
  survey_daily_reasons: ['survey_id', 'day', 'question_id', 'option_id'],
  survey_breakdown_counts: ['survey_id', 'day', 'dimension', 'dimension_id'],
};

/** The figures of each table's cells; the first one is 0 exactly when the cell counts nothing. */
const FIGURES: Record<FigureTable, string[]> = {
  survey_daily_counts: ['responses'],
  survey_daily_reasons: ['responses'],
  survey_breakdown_counts: ['offered', 'answered', 'good', 'neutral', 'bad'],
};

function differing(table: FigureTable, counted: string): string {
  const key = KEYS[table];
  const figures = FIGURES[table];
  const either = (side: string) => figures.map((f) => `coalesce(${side}.${f}, 0)`).join(', ');
  return `with counted as (${counted}),
stored as (select ${key.join(', ')}, ${figures.join(', ')} from ${table} where ${figures[0]} <> 0)
select ${key.map((k) => `coalesce(s.${k}, c.${k})`).join(', ')}, ${either('s')}, ${either('c')}
from stored s full join counted c on ${key.map((k) => `c.${k} = s.${k}`).join(' and ')}
where (${either('s')}) <> (${either('c')})
order by 1, 2`;
}

/** The statement returning every cell of `table` that differs from what its source rows add up to. */
export function differingCells(table: FigureTable, dialect: Dialect): string {
  if (table === 'survey_breakdown_counts') {
    const flag = (test: string) => (dialect === 'sqlite' ? `sum(${test})` : `count(*) filter (where ${test})`);
    const one = (dimension: string, column: string) =>
      `select survey_id, created_at / 86400000 as day, '${dimension}' as dimension, ${column} as dimension_id, answered_at, rating_category
  from survey_responses where ${column} is not null`;
    return differing(
      table,
      `select survey_id, day, dimension, dimension_id, count(*) as offered, ${flag('answered_at is not null')} as answered,
  ${flag("rating_category = 'good'")} as good, ${flag("rating_category = 'neutral'")} as neutral, ${flag("rating_category = 'bad'")} as bad
from (${one('assignee', 'assignee_id')} union all ${one('group', 'group_id')} union all ${one('brand', 'brand_id')}) attributed
group by 1, 2, 3, 4`,
    );
  }
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
export const filledCells = (table: FigureTable) => `select count(*) from ${table} where ${FIGURES[table][0]} <> 0`;

const day = (value: unknown) => new Date(Number(value) * 86_400_000).toISOString().slice(0, 10);

/** One differing cell, for a message: `survey 01J… 2026-01-31 answered rating 2 (bad): 3 stored, 2 counted`. */
export function describeCell(table: FigureTable, row: unknown[]): string {
  const [surveyId, days] = row;
  const width = FIGURES[table].length;
  const stored = row.slice(-2 * width, -width);
  const counted = row.slice(-width);
  const figures =
    width === 1
      ? `${String(stored[0])} stored, ${String(counted[0])} counted`
      : `${FIGURES[table].map((f, i) => `${f} ${String(stored[i])}`).join(' ')} stored, ${FIGURES[table].map((f, i) => `${f} ${String(counted[i])}`).join(' ')} counted`;
  if (table === 'survey_daily_counts') {
    const [, , answered, rating, category] = row;
    const state = answered === true || answered === 1 ? 'answered' : 'unanswered';
    const scored = rating === -1 ? 'no rating' : `rating ${String(rating)}${category ? ` (${String(category)})` : ''}`;
    return `survey ${String(surveyId)} ${day(days)} ${state} ${scored}: ${figures}`;
  }
  if (table === 'survey_breakdown_counts') {
    const [, , dimension, id] = row;
    return `survey ${String(surveyId)} ${day(days)} ${String(dimension)} ${String(id)}: ${figures}`;
  }
  const [, , question, option] = row;
  return `survey ${String(surveyId)} ${day(days)} question ${String(question)} option ${String(option)}: ${figures}`;
}
