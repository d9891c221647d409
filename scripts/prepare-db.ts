/**
 * Applies migrations and, on a fresh database, seeds the demo cycle.
 * Run with the react-server condition (see package.json) because db/ and lib/ are server-only.
 */
import { closeDatabase, databaseReady, db, describeOpenFailure, dialect, transaction } from '../db/client';
import { isSeeded, seedDemo } from '../lib/demo/seed.server';

try {
  await databaseReady;
} catch (error) {
  console.error(`\nQuorum cannot start.\n${describeOpenFailure(error)}\n`);
  await closeDatabase().catch(() => undefined);
  process.exit(1);
}
const which = dialect === 'postgres' ? 'PostgreSQL' : 'SQLite';
const extraItems = Number(process.env.SEED_EXTRA_ITEMS ?? 0);
if (process.env.SEED !== '0' && !(await isSeeded(db))) {
  // One transaction: a demo is seeded whole or not at all.
  await transaction((tx) => seedDemo(tx, { extraItems }));
  console.log(`Seeded the demo (cycles 2027-Q1 and 2026-Q4) into the ${which} database.`);
} else {
  console.log(`Database ready (${which}).`);
}
await closeDatabase();
