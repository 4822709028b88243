// Runs once when the server starts: migrate (by opening the database), seed an empty one, and, on
// SQLite, move WAL checkpoints off the request path (db/sqlite/checkpoints.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { bootstrap } = await import('./lib/bootstrap');
    await bootstrap();
    const { startBackgroundCheckpoints } = await import('./db/sqlite/checkpoints');
    startBackgroundCheckpoints();
  }
}
