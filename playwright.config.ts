import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { E2E_DATABASE } from './e2e/support/paths';

const port = Number(process.env.E2E_PORT ?? 3210);

// On this kind of machine Playwright may not download a browser: use Debian's Chromium when present,
// Playwright's own elsewhere.
const systemChromium = '/usr/bin/chromium';
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
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      ...(existsSync(systemChromium) && { executablePath: systemChromium }),
      args: chromiumFlags,
    },
  },
  // The test database is a throwaway file made before the server starts (webServer runs before
  // globalSetup): e2e/support/prepare.ts deletes it, migrates, seeds and writes test credentials.
  webServer: {
    command: `tsx e2e/support/prepare.ts && next start -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { DATABASE_URL: `file:${E2E_DATABASE}`, SURVEY_RESPONSE_TTL_DAYS: '28' },
  },
});
