// `npm start`: build when there is no production build yet, then serve it with `next start`.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { serverEnv } from './server-env';

const next = 'node_modules/.bin/next';

if (!existsSync('.next/BUILD_ID')) {
  console.log('No production build found: running next build first.');
  const build = spawnSync(next, ['build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(next, ['start', '--port', process.env.PORT ?? '3000', ...process.argv.slice(2)], { stdio: 'inherit', env: serverEnv() });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
