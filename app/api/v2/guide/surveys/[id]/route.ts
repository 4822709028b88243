import { requireActor } from '@/lib/auth/credentials';
import { handle, json, readJson, otherMethods, presented } from '@/lib/http/handler';
import { surveyIdParams, updateSurveyBody } from '@/lib/surveys/schemas';
import { updateSurvey } from '@/lib/surveys/surveys';
import { parseInput } from '@/lib/validation';

type Context = { params: Promise<{ id: string }> };

export const PUT = handle(async (request, { params }: Context) => {
  const actor = await requireActor(presented(request));
  const { id } = parseInput(surveyIdParams, await params, 'path');
  const { survey } = parseInput(updateSurveyBody, await readJson(request), 'body');
  return json({ survey: await updateSurvey({ actor, id, survey }) });
});

export const { GET, POST, PATCH, DELETE } = otherMethods('PUT');
