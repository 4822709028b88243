import { requireActor } from '@/lib/auth/credentials';
import { handle, jsonText } from '@/lib/http/handler';
import { showSurveyResponse } from '@/lib/survey-responses/responses';
import { localizedResponseParams } from '@/lib/survey-responses/schemas';
import { parseInput } from '@/lib/validation';

type Context = { params: Promise<{ locale: string; id: string }> };

export const GET = handle(async (request, { params }: Context) => {
  const actor = await requireActor({ authorization: request.headers.get('authorization') });
  const { id, locale } = parseInput(localizedResponseParams, await params, 'path');
  return jsonText(await showSurveyResponse({ actor, id, locale }));
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE } from '@/lib/http/handler';
