// Runs before the test server starts: a fresh database with an admin and an API token for the suite.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { closeDb } from '@/db/client';
import { createApiToken } from '@/lib/auth/api-tokens';
import { hashPassword } from '@/lib/auth/secrets';
import { createWriteKey } from '@/lib/auth/write-keys';
import { bootstrap } from '@/lib/bootstrap';
import { addUser } from '@/lib/users/users';

const file = (process.env.DATABASE_URL ?? '').replace(/^file:/, '');
if (!file.startsWith('.test-data/')) throw new Error(`refusing to reset ${file}: not a test database`);
mkdirSync('.test-data', { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

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
writeFileSync('.test-data/credentials.json', JSON.stringify({ adminEmail: admin.email, adminPassword, adminId: admin.id, token, writeKey }));
closeDb();
