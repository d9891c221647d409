/**
 * Runs once when the server starts: validates the environment (a bad value stops the app
 * with a message naming the variable) and opens the database, which applies migrations.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  try {
    env();
  } catch (error) {
    console.error(`\nQuorum cannot start.\n${(error as Error).message}\n`);
    process.exit(1);
  }
  await import('./db/client');
}
