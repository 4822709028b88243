// Runs once when the server starts: migrate (by opening the database), seed an empty one, on SQLite
// move WAL checkpoints off the request path (db/sqlite/checkpoints.ts), and stop gracefully on
// SIGTERM or SIGINT within SHUTDOWN_TIMEOUT_S (lib/http/shutdown.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { stopGracefully } = await import('./lib/http/shutdown');
    const { env } = await import('./lib/env');
    stopGracefully({ timeoutS: env().SHUTDOWN_TIMEOUT_S });
    const { bootstrap } = await import('./lib/bootstrap');
    await bootstrap();
    const { startBackgroundCheckpoints } = await import('./db/sqlite/checkpoints');
    startBackgroundCheckpoints();
  }
}
