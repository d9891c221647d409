import { env } from './env';

/** Node-only start-up: stop with a clear message on a bad environment, then open (and migrate) the database. */
export async function startup() {
  try {
    env();
  } catch (error) {
    console.error(`\nQuorum cannot start.\n${(error as Error).message}\n`);
    process.exit(1);
  }
  await import('@/db/client');
}
