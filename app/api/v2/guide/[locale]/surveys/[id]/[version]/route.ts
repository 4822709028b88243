import { handle, json, otherMethods } from '@/lib/http/handler';
import { surveyPathParams } from '@/lib/surveys/schemas';
import { showSurvey } from '@/lib/surveys/surveys';
import { parseInput } from '@/lib/validation';

type Context = { params: Promise<{ locale: string; id: string; version: string }> };

// Anonymous access is allowed, as in Zendesk: the survey page of an email link needs no account.
export const GET = handle(async (_request, { params }: Context) => {
  const { locale, id, version } = parseInput(surveyPathParams, await params, 'path');
  return json({ survey: await showSurvey({ id, version, locale }) });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
