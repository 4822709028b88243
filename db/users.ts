import { byDialect } from './client';
import * as postgres from './postgres/users';
import * as sqlite from './sqlite/users';

export const {
  findUserById,
  findUserByEmail,
  findUserByExternalId,
  insertUser,
  updateUser,
  listUsers,
  countUsers,
  listUsersAfter,
  listUsersBefore,
  countAdmins,
  updateUserKeepingAnAdmin,
  findUserNames,
} = byDialect(sqlite, postgres);
