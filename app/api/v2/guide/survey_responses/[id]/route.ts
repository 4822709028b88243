import { authenticate, requireActor } from '@/lib/auth/credentials';
import { handle, jsonText, readJson, otherMethods, presented } from '@/lib/http/handler';
import { showSurveyResponse, submitSurveyResponse } from '@/lib/survey-responses/responses';
import { responseIdParams, submitSurveyResponseBody } from '@/lib/survey-responses/schemas';
import { parseInput } from '@/lib/validation';

type Context = { params: Promise<{ id: string }> };

// Credentials are checked before anything else: a caller without them learns nothing, not even a 400.
export const GET = handle(async (request, { params }: Context) => {
  const actor = await requireActor(presented(request));
  const { id } = parseInput(responseIdParams, await params, 'path');
  return jsonText(await showSurveyResponse({ actor, id }));
});

export const POST = handle(async (request, { params }: Context) => {
  const credentials = presented(request);
  const actor = await authenticate(credentials);
  const { id } = parseInput(responseIdParams, await params, 'path');
  const { survey_response: body } = parseInput(submitSurveyResponseBody, await readJson(request), 'body');
  return jsonText(
    await submitSurveyResponse({
      actor,
      id,
      answers: body.answers,
      ...(credentials.client && { client: credentials.client }),
      ...(body.access_token !== undefined && { accessToken: body.access_token }),
    }),
  );
});

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
