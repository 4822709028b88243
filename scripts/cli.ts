// `npm run cli -- <command>`: set up an instance without a browser. The last stdout line is JSON.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { backupDatabase, checkDatabase, restoreDatabase } from '@/db/backup';
import { closeDb, databaseUrl } from '@/db/client';
import { copyDatabase } from '@/db/copy';
import { createApiToken, listApiTokens, revokeApiToken } from '@/lib/auth/api-tokens';
import { createWriteKey, listWriteKeys, revokeWriteKey } from '@/lib/auth/write-keys';
import { bootstrap } from '@/lib/bootstrap';
import { ApiError } from '@/lib/errors';
import { userFields } from '@/lib/users/schemas';
import { addUser, listUsers, serializeUser } from '@/lib/users/users';

const usage = `Usage: npm run cli -- <command>
  user add --email E --name N --role admin|agent|end_user [--locale L]
  user list
  token add [--description D]
  token list
  token revoke --id N
  writekey add [--description D]
  writekey list
  writekey revoke --id N
  db copy --from URL --to URL   (SQLite file: or PostgreSQL postgres://; the target must be empty)
  backup --to FILE [--force]    (SQLite: an online copy of DATABASE_URL; FILE is never replaced without --force)
  restore --from FILE           (SQLite: FILE replaces DATABASE_URL's database; stop the server first)
  check [--file FILE]           (DATABASE_URL, or a backup: integrity, foreign keys, migrations, overview figures; exit 1 when wrong)`;

const idOption = z.object({ id: z.coerce.number().int().positive() });
const copyOptions = z.object({ from: z.string().min(1), to: z.string().min(1) });
const backupOptions = z.object({ to: z.string().min(1), force: z.boolean().optional() });
const restoreOptions = z.object({ from: z.string().min(1) });
const checkOptions = z.object({ file: z.string().min(1).optional() });
/**
 * Commands that work on the database files as they are: nothing is migrated or seeded at DATABASE_URL
 * first (a restore must find the database closed; a check must see it unchanged).
 */
const leavesDatabaseAlone = ([first, second]: string[]) => ['backup', 'restore', 'check'].includes(first ?? '') || (first === 'db' && second === 'copy');

const log = (line: string) => console.error(line);

async function run(argv: string[]): Promise<unknown> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      locale: { type: 'string' },
      description: { type: 'string' },
      id: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      force: { type: 'boolean' },
      file: { type: 'string' },
    },
  });
  const command = positionals.join(' ');
  switch (command) {
    case 'user add': {
      const input = userFields.parse({ email: values.email, name: values.name, role: values.role, locale: values.locale });
      return { user: serializeUser(await addUser({ ...input, externalId: input.external_id ?? null })) };
    }
    case 'user list':
      return { users: await listUsers() };
    case 'token add':
      return createApiToken({ description: values.description ?? '' });
    case 'token list':
      return { api_tokens: await listApiTokens() };
    case 'token revoke':
      return { api_token: await revokeApiToken(idOption.parse(values)) };
    case 'writekey add':
      return createWriteKey({ description: values.description ?? '' });
    case 'writekey list':
      return { write_keys: await listWriteKeys() };
    case 'writekey revoke':
      return { write_key: await revokeWriteKey(idOption.parse(values)) };
    case 'db copy': {
      const { from, to } = copyOptions.parse(values);
      return copyDatabase({ from, to, log });
    }
    case 'backup':
      return backupDatabase({ url: databaseUrl(), ...backupOptions.parse(values), log });
    case 'restore':
      return restoreDatabase({ url: databaseUrl(), ...restoreOptions.parse(values), log });
    case 'check': {
      const result = await checkDatabase({ url: databaseUrl(), ...checkOptions.parse(values), log });
      if (!result.check.ok) process.exitCode = 1;
      return result;
    }
    default:
      throw new Error(`Unknown command "${command}"\n${usage}`);
  }
}

try {
  // The CLI may be the first thing to touch a new database: migrate and seed it as a server start would.
  if (!leavesDatabaseAlone(process.argv.slice(2))) await bootstrap((line) => console.error(line));
  console.log(JSON.stringify(await run(process.argv.slice(2))));
} catch (error) {
  const message =
    error instanceof z.ZodError
      ? error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')
      : error instanceof ApiError
        ? error.message
        : String(error instanceof Error ? error.message : error);
  console.error(message);
  console.log(JSON.stringify({ error: message }));
  process.exitCode = 1;
} finally {
  await closeDb();
}
