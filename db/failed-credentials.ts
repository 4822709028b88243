import { byDialect } from './client';
import * as postgres from './postgres/failed-credentials';
import * as sqlite from './sqlite/failed-credentials';

export const { findFailures, countFailure, forgetFailures, pruneFailures } = byDialect(sqlite, postgres);
