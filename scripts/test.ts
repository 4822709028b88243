// `npm test`: typecheck and lint, unit tests, a production build, then the Playwright suites against it. Ends with one
// `N passed, N failed` line summing every suite, which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name: string) => `node_modules/.bin/${name}`;
const extra = process.argv.slice(2);
mkdirSync('test-results', { recursive: true });

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

rmSync('test-results/unit.json', { force: true });
rmSync('test-results/e2e.json', { force: true });

const checksStatus = run(bin('tsc'), ['--noEmit']) || run(bin('eslint'), ['.']);
const unitStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
const unit = readJson<{ numPassedTests: number; numFailedTests: number }>('test-results/unit.json');

const buildStatus = run(bin('next'), ['build']);
let e2eStatus = 1;
if (buildStatus === 0) {
  e2eStatus = run(bin('playwright'), ['test', '--reporter=list,json', ...extra], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json',
  });
}
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>('test-results/e2e.json');

const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats.expected ?? 0) + (e2e?.stats.flaky ?? 0);
let failed = (unit?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0);
// A suite that crashed before reporting still fails the run.
if (failed === 0 && (checksStatus !== 0 || unitStatus !== 0 || buildStatus !== 0 || e2eStatus !== 0)) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
