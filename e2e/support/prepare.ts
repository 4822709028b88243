// Runs before a project's test server starts: a fresh database (DATABASE_URL: a SQLite file under
// .test-data/ or a PostgreSQL database made through TEST_POSTGRES_ADMIN_URL) with an admin, an API token
// and a write key for the suite, written to E2E_CREDENTIALS.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDatabase } from '@/db/postgres/databases';
import { E2E_POSTGRES_DATABASE } from './paths';

const url = process.env.DATABASE_URL ?? '';
const credentialsFile = process.env.E2E_CREDENTIALS ?? '';
if (!credentialsFile.startsWith('.test-data/')) throw new Error(`refusing to write credentials to ${JSON.stringify(credentialsFile)}: not under .test-data/`);
rmSync(credentialsFile, { force: true });

if (/^postgres(ql)?:\/\//.test(url)) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name.startsWith(E2E_POSTGRES_DATABASE)) throw new Error(`refusing to reset database ${name}: not a test database`);
  const adminUrl = process.env.TEST_POSTGRES_ADMIN_URL;
  if (!adminUrl) throw new Error('TEST_POSTGRES_ADMIN_URL is not set: no server to make the test database on');
  await createDatabase(adminUrl, name);
} else {
  const file = url.replace(/^file:/, '');
  if (!file.startsWith('.test-data/')) throw new Error(`refusing to reset ${file}: not a test database`);
  mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

// The application's modules load only now, after the database they will open was reset.
const { closeDb } = await import('@/db/client');
const { createApiToken } = await import('@/lib/auth/api-tokens');
const { hashPassword } = await import('@/lib/auth/secrets');
const { createWriteKey } = await import('@/lib/auth/write-keys');
const { bootstrap } = await import('@/lib/bootstrap');
const { addUser } = await import('@/lib/users/users');

await bootstrap(() => {});
const adminPassword = 'e2e-admin-password';
const admin = await addUser({
  email: 'e2e-admin@example.com',
  name: 'E2E Admin',
  role: 'admin',
  locale: 'en-us',
  passwordHash: await hashPassword(adminPassword),
});
const { token } = await createApiToken({ description: 'e2e suite' });
const { writeKey } = await createWriteKey({ description: 'e2e suite' });
mkdirSync(path.dirname(credentialsFile), { recursive: true });
writeFileSync(credentialsFile, JSON.stringify({ adminEmail: admin.email, adminPassword, adminId: admin.id, token, writeKey }));
await closeDb();
