// Runs once when the server starts: migrate (by opening the database), seed an empty one, on SQLite
// move WAL checkpoints off the request path (db/sqlite/checkpoints.ts), stop gracefully on SIGTERM or
// SIGINT within SHUTDOWN_TIMEOUT_S (lib/http/shutdown.ts), and note each request's client address for
// the limits on failed credentials (lib/http/client-address.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { stopGracefully } = await import('./lib/http/shutdown');
    const { recordClientAddresses } = await import('./lib/http/client-address');
    const { env } = await import('./lib/env');
    stopGracefully({ timeoutS: env().SHUTDOWN_TIMEOUT_S });
    recordClientAddresses({ trustProxy: env().TRUST_PROXY });
    const { bootstrap } = await import('./lib/bootstrap');
    await bootstrap();
    const { startBackgroundCheckpoints } = await import('./db/sqlite/checkpoints');
    startBackgroundCheckpoints();
  }
}
