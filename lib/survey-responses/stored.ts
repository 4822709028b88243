import type { NewAnswerRow, NewSurveyResponseRow, StoredAnswer, SurveyResponseRow } from '@/db/schema';

/** An answer row as kept in the answers document (nulls where a field does not apply). */
export function toStored(a: Omit<NewAnswerRow, 'responseId'>): StoredAnswer {
  return {
    questionId: a.questionId,
    position: a.position,
    type: a.type,
    rating: a.rating ?? null,
    ratingCategory: a.ratingCategory ?? null,
    selections: a.selections ?? null,
    value: a.value ?? null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** A response about to be inserted as the row the database will hold (its defaults filled in). */
export function insertedRow(r: NewSurveyResponseRow): SurveyResponseRow {
  return {
    ...r,
    responderId: r.responderId ?? null,
    anonymousId: r.anonymousId ?? null,
    method: r.method ?? null,
    forced: r.forced ?? false,
    answersJson: r.answersJson ?? '[]',
    rating: r.rating ?? null,
    ratingCategory: r.ratingCategory ?? null,
    hasComment: r.hasComment ?? false,
    answeredAt: r.answeredAt ?? null,
    assigneeId: r.assigneeId ?? null,
    groupId: r.groupId ?? null,
    brandId: r.brandId ?? null,
    tags: r.tags ?? [],
  };
}

/**
 * What the admin view filters and counts on, copied onto the response row: the first rating
 * question's answer (the survey's rating) and whether a non-empty comment was given.
 */
export function figures(answers: readonly Pick<StoredAnswer, 'type' | 'position' | 'rating' | 'ratingCategory' | 'value'>[]) {
  let first: (typeof answers)[number] | undefined;
  for (const a of answers) if (a.type === 'rating_scale' && (!first || a.position < first.position)) first = a;
  const hasComment = answers.some((a) => a.type === 'open_ended' && (a.value ?? '').trim() !== '');
  return { rating: first?.rating ?? null, ratingCategory: first?.ratingCategory ?? null, hasComment };
}
