// `npm start`: build when there is no production build yet, migrate and seed the database once, then
// serve the build with WEB_CONCURRENCY workers (default 1) sharing one port through node's cluster
// module. The workers hold nothing of their own that changes behaviour (sessions, cursors,
// idempotency keys are in the database), so any of them may answer any request. A worker that dies
// is replaced; SIGTERM or SIGINT is passed to every worker and the primary exits when they have.
// The primary also sums the workers' metrics for /metrics (lib/observability/cluster-metrics.ts).
import cluster from 'node:cluster';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serverEnv } from './server-env';

// `npm start -- -p 4000 -H 127.0.0.1` as with `next start`; PORT works too.
const { values: args } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
  strict: false,
});
const port = Number((typeof args.port === 'string' ? args.port : undefined) ?? process.env.PORT ?? 3000);
const hostname = typeof args.hostname === 'string' ? args.hostname : undefined;

function workerCount(): number {
  const n = Number(process.env.WEB_CONCURRENCY ?? 1);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${process.env.WEB_CONCURRENCY}"`);
    process.exit(2);
  }
  return n;
}

async function primary(): Promise<void> {
  const count = workerCount();
  if (!existsSync('.next/BUILD_ID')) {
    console.log('No production build found: running next build first.');
    const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  // Migrate and seed before any worker starts, so workers starting together never seed twice.
  const { bootstrap } = await import('@/lib/bootstrap');
  const { closeDb, migrateDb } = await import('@/db/client');
  await migrateDb();
  await bootstrap();
  await closeDb();

  let stopping = false;
  const env = serverEnv();
  // Each worker is Next's own `next start` (its CLI sets NODE_ENV and the runtime as a plain start
  // does), run as a cluster worker: its server's listen() is shared through this process. Plain
  // node, without this script's TypeScript loader.
  cluster.setupPrimary({
    exec: 'node_modules/next/dist/bin/next',
    args: ['start', '--port', String(port), ...(hostname ? ['--hostname', hostname] : [])],
    execArgv: [],
  });
  const fork = () => cluster.fork(env);
  const { aggregateWorkerMetrics } = await import('@/lib/observability/cluster-metrics');
  aggregateWorkerMetrics();
  cluster.on('exit', (dead, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Worker ${dead.process.pid} stopped (${signal ?? code}); starting another`);
    setTimeout(() => {
      if (!stopping) fork();
    }, 1000);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  }
  for (let i = 0; i < count; i++) fork();
  if (count > 1) console.log(`${count} workers serving port ${port}`);
}

await primary();
