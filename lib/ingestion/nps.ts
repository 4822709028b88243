import { findRatings } from '@/db/answers';
import { findSurvey } from '@/db/surveys';
import { notFound } from '../errors';
import { idBoundsFor } from '../ids';
import { isRatingQuestion } from '../surveys/definition';
import { netPromoterScore } from '../surveys/rating';
import { loadVersion } from '../surveys/surveys';

/**
 * NPS of a campaign over a time range (epoch ms, inclusive): promoters, passives, detractors and
 * NPS = %promoters − %detractors over the responses that answered the rating. The admin view's figure.
 */
export async function npsFigures({ surveyId, from = 0, to = Date.now() }: { surveyId: string; from?: number; to?: number }) {
  const survey = await findSurvey({ id: surveyId });
  const version = survey && (await loadVersion(survey.id, survey.latestVersion));
  const first = version?.definition.questions[0];
  if (!survey || !first || !isRatingQuestion(first) || first.sub_type !== 'net_promoter_score') {
    throw notFound('The campaign could not be found');
  }
  const { lo, hi } = idBoundsFor(from, to);
  return netPromoterScore(await findRatings({ surveyId, questionId: first.id, loId: lo, hiId: hi }));
}
