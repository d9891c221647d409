import { createTemplate, dropTestDatabases } from './postgres-template';

/** Once per run (vitest `globalSetup`): on PostgreSQL, the migrated template every test file copies. */
export async function setup(): Promise<void> {
  const base = process.env.QUORUM_TEST_PG_URL;
  if (process.env.QUORUM_TEST_DB !== 'postgres') return;
  if (!base) throw new Error('QUORUM_TEST_DB=postgres needs QUORUM_TEST_PG_URL (npm run test:unit:pg sets both).');
  await createTemplate(base);
}

export async function teardown(): Promise<void> {
  const base = process.env.QUORUM_TEST_PG_URL;
  if (process.env.QUORUM_TEST_DB === 'postgres' && base) await dropTestDatabases(base);
}
