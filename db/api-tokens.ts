import { byDialect } from './client';
import * as postgres from './postgres/api-tokens';
import * as sqlite from './sqlite/api-tokens';

export const { insertApiToken, findUserWithActiveToken, listApiTokens, revokeApiToken } = byDialect(sqlite, postgres);
