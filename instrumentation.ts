// Runs once when the server starts: migrate (by opening the database), then seed an empty one.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { bootstrap } = await import('./lib/bootstrap');
    await bootstrap();
  }
}
