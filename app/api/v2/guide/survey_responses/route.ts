import { requireActor } from '@/lib/auth/credentials';
import { handle, json, jsonText, publicUrl, queryOf, readJson, otherMethods, presented } from '@/lib/http/handler';
import { listSurveyResponses } from '@/lib/survey-responses/list';
import { createSurveyResponse } from '@/lib/survey-responses/responses';
import { createSurveyResponseBody, listSurveyResponsesQuery } from '@/lib/survey-responses/schemas';
import { parseInput } from '@/lib/validation';

export const GET = handle(async (request) => {
  const actor = await requireActor(presented(request));
  const query = parseInput(listSurveyResponsesQuery, queryOf(request), 'query');
  return jsonText(await listSurveyResponses({ actor, query, url: publicUrl(request) }));
});

export const POST = handle(async (request) => {
  const actor = await requireActor(presented(request));
  const body = parseInput(createSurveyResponseBody, await readJson(request), 'body');
  return json({ survey_response: await createSurveyResponse({ actor, input: body.survey_response }) });
});

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
