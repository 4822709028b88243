// `npm test`: typecheck and lint, unit tests, a production build, then the Playwright suites against it,
// each on SQLite and on PostgreSQL (projects `sqlite` and `postgres`; `-- --project sqlite` picks one).
// Ends with one `N passed, N failed` line summing every suite, which CI reads.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { systemChromium } from '../e2e/support/browser';
import { startTestPostgres, type TestPostgres } from './test-postgres';
import { projectChosen, splitProjects } from './test-projects';

const bin = (name: string) => `node_modules/.bin/${name}`;
// `--project NAME` goes to both runners; everything else (spec files, -g …) to Playwright.
const { projects, rest } = splitProjects(process.argv.slice(2));
mkdirSync('test-results', { recursive: true });

// Children run asynchronously so this process keeps reading the embedded PostgreSQL's output meanwhile.
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

rmSync('test-results/unit.json', { force: true });
rmSync('test-results/e2e.json', { force: true });

let postgres: TestPostgres | undefined;
let postgresStatus = 0;
if (projectChosen(projects, 'postgres')) {
  try {
    postgres = await startTestPostgres();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    postgresStatus = 1;
  }
}

let unit: { numPassedTests: number; numFailedTests: number } | undefined;
let checksStatus = 1;
let unitStatus = 1;
let buildStatus = 1;
let browserStatus = 1;
let e2eStatus = 1;

/** A Chromium for the browser suites: the machine's, or Playwright's own, installed when missing. */
async function ensureBrowser(): Promise<number> {
  const system = systemChromium();
  if (system) {
    console.log(`Browser: ${system}`);
    return 0;
  }
  console.log("Browser: no system Chromium, so Playwright's own (`playwright install chromium`, a download the first time)");
  const status = await run(bin('playwright'), ['install', 'chromium']);
  if (status !== 0) console.error('Could not install Chromium; on Linux `npx playwright install --with-deps chromium` also installs the libraries it needs.');
  return status;
}
try {
  if (postgresStatus === 0) {
    const env: Record<string, string> = postgres ? { TEST_POSTGRES_ADMIN_URL: postgres.adminUrl } : {};
    checksStatus = (await run(bin('tsc'), ['--noEmit'])) || (await run(bin('eslint'), ['.']));
    unitStatus = await run(
      bin('vitest'),
      ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json', ...projects.map((p) => `--project=${p}`)],
      env,
    );
    // Read now: Playwright empties test-results/ when it starts.
    unit = readJson('test-results/unit.json');
    buildStatus = await run(bin('next'), ['build']);
    if (buildStatus === 0) browserStatus = await ensureBrowser();
    if (buildStatus === 0 && browserStatus === 0) {
      // Playwright's --project takes every value up to the next option: the projects go last.
      e2eStatus = await run(bin('playwright'), ['test', '--reporter=list,json', ...rest, ...projects.flatMap((p) => ['--project', p])], {
        ...env,
        PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json',
      });
    }
  }
} finally {
  await postgres?.stop();
}

const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>('test-results/e2e.json');

const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats.expected ?? 0) + (e2e?.stats.flaky ?? 0);
let failed = (unit?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0);
// A suite that crashed before reporting (or a PostgreSQL that did not start) still fails the run.
if (failed === 0 && (postgresStatus !== 0 || checksStatus !== 0 || unitStatus !== 0 || buildStatus !== 0 || browserStatus !== 0 || e2eStatus !== 0)) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
