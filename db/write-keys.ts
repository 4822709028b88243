import { byDialect } from './client';
import * as postgres from './postgres/write-keys';
import * as sqlite from './sqlite/write-keys';

export const { insertWriteKey, findActiveWriteKeyByHash, listWriteKeys, revokeWriteKey } = byDialect(sqlite, postgres);
