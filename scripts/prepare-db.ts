/**
 * Applies migrations and, on a fresh database, seeds the demo cycle.
 * Run with the react-server condition (see package.json) because db/ and lib/ are server-only.
 */
import { openDatabase, databasePath } from '../db/client';
import { isSeeded, seedDemo } from '../lib/demo/seed.server';

const handle = openDatabase();
const extraItems = Number(process.env.SEED_EXTRA_ITEMS ?? 0);
if (process.env.SEED !== '0' && !(await isSeeded(handle.db))) {
  // One transaction: a demo is seeded whole or not at all.
  await handle.transaction((tx) => seedDemo(tx, { extraItems }));
  console.log(`Seeded the demo (cycles 2027-Q1 and 2026-Q4) into ${databasePath()}`);
} else {
  console.log(`Database ready: ${databasePath()}`);
}
await handle.close();
