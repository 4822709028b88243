import { requireActor } from '@/lib/auth/credentials';
import { handle, json, queryOf, otherMethods, presented } from '@/lib/http/handler';
import { listSurveysQuery, localeParams } from '@/lib/surveys/schemas';
import { listSurveys } from '@/lib/surveys/surveys';
import { parseInput } from '@/lib/validation';

type Context = { params: Promise<{ locale: string }> };

export const GET = handle(async (request, { params }: Context) => {
  const actor = await requireActor(presented(request));
  const { locale } = parseInput(localeParams, await params, 'path');
  const query = parseInput(listSurveysQuery, queryOf(request), 'query');
  const types = query['filter[types]'];
  return json(await listSurveys({ actor, locale, ...(types && { types }) }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
