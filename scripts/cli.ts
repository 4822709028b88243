// `npm run cli -- <command>`: set up an instance without a browser. The last stdout line is JSON.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { closeDb } from '@/db/client';
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
  db copy --from URL --to URL   (SQLite file: or PostgreSQL postgres://; the target must be empty)`;

const idOption = z.object({ id: z.coerce.number().int().positive() });
const copyOptions = z.object({ from: z.string().min(1), to: z.string().min(1) });
/** `db copy` works on the databases it names: nothing is migrated or seeded at DATABASE_URL first. */
const isDbCopy = (argv: string[]) => argv[0] === 'db' && argv[1] === 'copy';

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
      return copyDatabase({ from, to, log: (line) => console.error(line) });
    }
    default:
      throw new Error(`Unknown command "${command}"\n${usage}`);
  }
}

try {
  // The CLI may be the first thing to touch a new database: migrate and seed it as a server start would.
  if (!isDbCopy(process.argv.slice(2))) await bootstrap((line) => console.error(line));
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
