import { byDialect } from './client';
import * as postgres from './postgres/write-keys';
import * as sqlite from './sqlite/write-keys';

// findActiveWriteKeyWithSurvey: an ingestion's key and the survey its body names, in one step.
export const { insertWriteKey, findActiveWriteKeyWithSurvey, listWriteKeys, revokeWriteKey } = byDialect(sqlite, postgres);
