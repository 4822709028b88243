import { requireActor } from '@/lib/auth/credentials';
import { handle, json, readJson, otherMethods, presented } from '@/lib/http/handler';
import { createSurveyBody } from '@/lib/surveys/schemas';
import { createSurvey } from '@/lib/surveys/surveys';
import { parseInput } from '@/lib/validation';

export const POST = handle(async (request) => {
  const actor = await requireActor(presented(request));
  const { survey } = parseInput(createSurveyBody, await readJson(request), 'body');
  return json({ survey: await createSurvey({ actor, survey }) }, 201);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
