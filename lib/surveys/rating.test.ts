import { describe, expect, it } from 'vitest';
import type { RatingQuestion } from './definition';
import { npsCategory, ratingCategory, satisfactionScore } from './rating';

const scale = (n: number, subType: RatingQuestion['sub_type'] = 'customer_satisfaction', from = 1): RatingQuestion => ({
  id: 'q',
  alias: 'q',
  type: 'rating_scale_numeric',
  sub_type: subType,
  headline: { type: 'static', value: 'h' },
  options: Array.from({ length: n }, (_, i) => ({ rating: from + i, label: { type: 'static', value: String(i) }, follow_up: null })),
});

describe('ratingCategory', () => {
  it('splits 2-, 3- and 5-point scales as docs/model.md says', () => {
    const cat = (n: number) => scale(n).options.map((o) => ratingCategory(scale(n), o.rating));
    expect(cat(2)).toEqual(['bad', 'good']);
    expect(cat(3)).toEqual(['bad', 'bad', 'good']);
    expect(cat(5)).toEqual(['bad', 'bad', 'bad', 'good', 'good']);
  });
  it('maps NPS detractor/passive/promoter to bad/neutral/good', () => {
    const nps = scale(11, 'net_promoter_score', 0);
    expect(nps.options.map((o) => ratingCategory(nps, o.rating))).toEqual([
      ...Array(7).fill('bad'),
      'neutral',
      'neutral',
      'good',
      'good',
    ]);
  });
});

describe('NPS and CSAT arithmetic', () => {
  it('classifies 0–6, 7–8, 9–10', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });
  it('NPS = %promoters − %detractors, CSAT = share of good ratings, over rated responses', () => {
    expect(satisfactionScore({ good: 3, neutral: 1, bad: 1 }, true)).toBe(40);
    expect(satisfactionScore({ good: 0, neutral: 0, bad: 2 }, true)).toBe(-100);
    expect(satisfactionScore({ good: 3, neutral: 0, bad: 1 }, false)).toBe(75);
    expect(satisfactionScore({ good: 0, neutral: 0, bad: 0 }, false)).toBeNull();
  });
});
