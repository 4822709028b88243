import { underStartupLock } from '@/db/client';
import { countUsers } from '@/db/users';
import { listSurveys } from '@/db/surveys';
import { hashPassword, randomSecret } from './auth/secrets';
import { env } from './env';
import { ensureCursorSecret } from './survey-responses/cursor';
import { defaultCsatDefinition } from './surveys/default-csat';
import { seedSurvey } from './surveys/surveys';
import { addUser } from './users/users';

/**
 * First start on an empty database: the default CSAT survey, an admin (from ADMIN_EMAIL /
 * ADMIN_PASSWORD, or a generated password printed this once) and the secrets requests read (so that
 * no GET ever writes). Later starts change nothing.
 * Instances starting together seed once (underStartupLock); the first query applies the migrations.
 */
export async function bootstrap(log: (line: string) => void = console.log): Promise<void> {
  await underStartupLock(() => seed(log));
}

async function seed(log: (line: string) => void): Promise<void> {
  await ensureCursorSecret();
  if ((await listSurveys({ types: ['CUSTOMER_SATISFACTION'] })).length === 0) {
    const survey = await seedSurvey({ type: 'CUSTOMER_SATISFACTION', definition: defaultCsatDefinition() });
    log(`Seeded the default CSAT survey ${survey.id}`);
  }
  if ((await countUsers()) === 0) {
    const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
    const email = (ADMIN_EMAIL ?? 'admin@example.com').toLowerCase();
    const password = ADMIN_PASSWORD ?? randomSecret(12);
    await addUser({ email, name: 'Admin', role: 'admin', locale: 'en-us', passwordHash: await hashPassword(password) });
    log(ADMIN_PASSWORD ? `Created the admin ${email}` : `Created the admin ${email} with the password ${password} (shown once)`);
  }
}
