// `npm run cli -- <command>`: set up an instance without a browser. The last stdout line is JSON.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { closeDb } from '@/db/client';
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
  writekey revoke --id N`;

const idOption = z.object({ id: z.coerce.number().int().positive() });

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
    default:
      throw new Error(`Unknown command "${command}"\n${usage}`);
  }
}

try {
  // The CLI may be the first thing to touch a new database: migrate and seed it as a server start would.
  await bootstrap((line) => console.error(line));
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
  closeDb();
}
