import { requireActor } from '@/lib/auth/credentials';
import { handle, jsonText, otherMethods, presented } from '@/lib/http/handler';
import { showSurveyResponse } from '@/lib/survey-responses/responses';
import { localizedResponseParams } from '@/lib/survey-responses/schemas';
import { parseInput } from '@/lib/validation';

type Context = { params: Promise<{ locale: string; id: string }> };

export const GET = handle(async (request, { params }: Context) => {
  const actor = await requireActor(presented(request));
  const { id, locale } = parseInput(localizedResponseParams, await params, 'path');
  return jsonText(await showSurveyResponse({ actor, id, locale }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
