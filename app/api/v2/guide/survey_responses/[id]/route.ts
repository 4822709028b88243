import { authenticate, requireActor } from '@/lib/auth/credentials';
import { handle, jsonText, readJson, otherMethods } from '@/lib/http/handler';
import { showSurveyResponse, submitSurveyResponse } from '@/lib/survey-responses/responses';
import { responseIdParams, submitSurveyResponseBody } from '@/lib/survey-responses/schemas';
import { parseInput } from '@/lib/validation';

type Context = { params: Promise<{ id: string }> };

// Credentials are checked before anything else: a caller without them learns nothing, not even a 400.
export const GET = handle(async (request, { params }: Context) => {
  const actor = await requireActor({ authorization: request.headers.get('authorization') });
  const { id } = parseInput(responseIdParams, await params, 'path');
  return jsonText(await showSurveyResponse({ actor, id }));
});

export const POST = handle(async (request, { params }: Context) => {
  const actor = await authenticate({ authorization: request.headers.get('authorization') });
  const { id } = parseInput(responseIdParams, await params, 'path');
  const { survey_response: body } = parseInput(submitSurveyResponseBody, await readJson(request), 'body');
  return jsonText(
    await submitSurveyResponse({
      actor,
      id,
      answers: body.answers,
      ...(body.access_token !== undefined && { accessToken: body.access_token }),
    }),
  );
});

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
