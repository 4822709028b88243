import { byDialect } from './client';
import * as postgres from './postgres/admin-sessions';
import * as sqlite from './sqlite/admin-sessions';

export const {
  insertAdminSession,
  findSessionUser,
  revokeAdminSession,
  revokeUserAdminSessions,
} = byDialect(sqlite, postgres);
