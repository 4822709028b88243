import { expect, type APIRequestContext } from '@playwright/test';
import { csatAnswers, offer, type Survey } from '../support/api';

/** Offers the survey to a responder about a subject and, with a rating, answers it with the token. */
export async function answeredResponse(
  request: APIRequestContext,
  input: { survey: Survey; responderId: number; zrn: string; rating?: number; comment?: string; locale?: string },
): Promise<string> {
  const { id, token } = await offer(request, { surveyId: input.survey.id, responderId: input.responderId, zrns: [input.zrn], locale: input.locale });
  if (input.rating !== undefined) {
    const res = await request.post(`/api/v2/guide/survey_responses/${id}`, {
      data: { survey_response: { access_token: token, answers: csatAnswers(input.survey, input.rating, input.comment) } },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  return id;
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF line ends). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length) {
    endField();
    records.push(record);
  }
  return records;
}
