import type { RatingQuestion } from './definition';

export type RatingCategory = 'bad' | 'neutral' | 'good';
export type NpsCategory = 'detractor' | 'passive' | 'promoter';

/** NPS (0–10): 0–6 detractor, 7–8 passive, 9–10 promoter. */
export function npsCategory(rating: number): NpsCategory {
  if (rating <= 6) return 'detractor';
  return rating <= 8 ? 'passive' : 'promoter';
}

/**
 * docs/model.md: scale 1–2 → 1 bad, 2 good; 1–3 → 1–2 bad, 3 good; 1–5 → 1–3 bad, 4–5 good.
 * An NPS scale maps detractor/passive/promoter to Zendesk's bad/neutral/good.
 */
export function ratingCategory(question: RatingQuestion, rating: number): RatingCategory {
  if (question.sub_type === 'net_promoter_score') {
    return ({ detractor: 'bad', passive: 'neutral', promoter: 'good' } as const)[npsCategory(rating)];
  }
  const ratings = question.options.map((o) => o.rating).sort((a, b) => a - b);
  const position = ratings.indexOf(rating);
  const firstGood = ratings.length <= 3 ? ratings.length - 1 : ratings.length - 2;
  return position >= firstGood ? 'good' : 'bad';
}

/**
 * From counts of rated responses by category: CSAT = share of good ratings; NPS = %promoters −
 * %detractors (promoters are stored as good, detractors as bad). Null when nothing was rated.
 */
export function satisfactionScore(counts: { good: number; neutral: number; bad: number }, nps: boolean): number | null {
  const rated = counts.good + counts.neutral + counts.bad;
  if (rated === 0) return null;
  return (100 * (nps ? counts.good - counts.bad : counts.good)) / rated;
}
