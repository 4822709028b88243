import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { databaseUrl } from './db/postgres/databases';
import { E2E_DATABASE, E2E_POSTGRES_DATABASE, credentialsFile, type E2eProjectMetadata } from './e2e/support/paths';
import { systemChromium } from './e2e/support/browser';
import { projectChosen, splitProjects } from './scripts/test-projects';

// Every spec runs once per database, each project against its own server and database:
// `sqlite` on port E2E_PORT (3210), `postgres` on the next one.
const sqlitePort = Number(process.env.E2E_PORT ?? 3210);
const postgresPort = sqlitePort + 1;

// The PostgreSQL server to make the suite's database on: `npm test` starts one and passes it in
// TEST_POSTGRES_ADMIN_URL; run directly, Playwright takes TEST_POSTGRES_URL.
const postgresAdminUrl = process.env.TEST_POSTGRES_ADMIN_URL || process.env.TEST_POSTGRES_URL || undefined;

// The config is also read by every worker: only the runner (no TEST_WORKER_INDEX) reads the command
// line, and it starts only the servers of the projects chosen with --project.
const isRunner = process.env.TEST_WORKER_INDEX === undefined;

// Every test comes from 127.0.0.1, and many send wrong credentials on purpose: the servers the suite
// starts (these and the specs' own, which inherit this environment) take far more failures than
// production would. The limits themselves are tested on a server of their own (e2e/api/throttle.spec.ts).
process.env.RATE_LIMIT_FAILURES ??= '100000';
// Webhook receivers in the suite listen on 127.0.0.1, and retries must come within a test's time:
// the address guard is lifted and the backoff starts at 200 ms. The guard is tested on a server of its
// own (e2e/api/webhook-addresses.spec.ts) and in lib/webhooks/network.test.ts.
process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ??= 'true';
process.env.WEBHOOK_RETRY_BASE_MS ??= '200';
process.env.WEBHOOK_POLL_MS ??= '100';
const chosen = isRunner ? splitProjects(process.argv.slice(2), true).projects : [];

if (isRunner && !postgresAdminUrl && projectChosen(chosen, 'postgres')) {
  console.log(
    'Playwright: the postgres project is left out (neither TEST_POSTGRES_ADMIN_URL nor TEST_POSTGRES_URL is set; `npm test` starts a PostgreSQL itself).',
  );
}

// The machine's Chromium when it has one (e2e/support/browser.ts), Playwright's own elsewhere.
const executablePath = systemChromium();
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

interface E2eTarget {
  name: string;
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
}

const targets: E2eTarget[] = [
  { name: 'sqlite', port: sqlitePort, databaseUrl: `file:${E2E_DATABASE}` },
  ...(postgresAdminUrl
    ? [
        {
          name: 'postgres',
          port: postgresPort,
          databaseUrl: databaseUrl(postgresAdminUrl, E2E_POSTGRES_DATABASE),
          env: { TEST_POSTGRES_ADMIN_URL: postgresAdminUrl },
        },
      ]
    : []),
];

const projects: PlaywrightTestConfig['projects'] = targets.map((target) => {
  const metadata: E2eProjectMetadata = { databaseUrl: target.databaseUrl, credentials: credentialsFile(target.name) };
  return { name: target.name, metadata, use: { baseURL: `http://127.0.0.1:${target.port}` } };
});

// Each server's database is a throwaway made before it starts (webServer runs before globalSetup):
// e2e/support/prepare.ts resets it, migrates, seeds and writes the project's test credentials.
const webServer: PlaywrightTestConfig['webServer'] = targets
  .filter((target) => projectChosen(chosen, target.name))
  .map((target) => ({
    name: target.name,
    // The server's log (pino, on stdout) goes to .test-data/<project>-server.log: a failed delivery or
    // a 5xx leaves its reason there, without flooding the test report.
    command: `tsx e2e/support/prepare.ts && mkdir -p .test-data && next start -p ${target.port} > .test-data/${target.name}-server.log`,
    url: `http://127.0.0.1:${target.port}/api/health`,
    reuseExistingServer: false,
    // Both servers build their databases and start at once on a 2-core machine.
    timeout: 180_000,
    env: {
      ...target.env,
      DATABASE_URL: target.databaseUrl,
      E2E_CREDENTIALS: credentialsFile(target.name),
      SURVEY_RESPONSE_TTL_DAYS: '28',
    },
  }));

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Admin tests run axe and take full-page screenshots several times each: on a busy 2-core CI
  // machine a test can need more than the default 30 s without anything being wrong.
  timeout: 60_000,
  reporter: [['list']],
  use: {
    launchOptions: {
      ...(executablePath && { executablePath }),
      args: chromiumFlags,
    },
  },
  projects,
  webServer,
});
