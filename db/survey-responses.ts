import { byDialect } from './client';
import * as postgres from './postgres/survey-responses';
import * as sqlite from './sqlite/survey-responses';

export type { BatchItem, ListedResponse, ResponseListQuery, ResponseState, ResponseWithSubjects, StoredResponse } from './rows';

export const { insertSurveyResponse, findSurveyResponse, listSurveyResponses, insertSurveyResponsesBatch } = byDialect(
  {
    insertSurveyResponse: sqlite.insertSurveyResponse,
    findSurveyResponse: sqlite.findSurveyResponse,
    listSurveyResponses: sqlite.listSurveyResponses,
    insertSurveyResponsesBatch: sqlite.insertSurveyResponsesBatch,
  },
  postgres,
);
