/**
 * `npm run audit:verify` — checks the event log's hash chain of the database at DATABASE_URL
 * (default ./data/quorum.db). Prints OK with the row count, or the first row that does not match
 * (its id, and whether its content or its link is wrong) and exits 1. It opens the file read-only:
 * no migration, no sealing, so it reports the file as it is.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { databasePath } from '../db/database-path';
import { verifySqliteChain } from '../db/event-chain';

const file = databasePath();
if (file === ':memory:' || !fs.existsSync(file)) {
  console.error(`No database at ${file} (set DATABASE_URL).`);
  process.exit(2);
}
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
let report: Awaited<ReturnType<typeof verifySqliteChain>>;
try {
  report = await verifySqliteChain(sqlite);
} catch (error) {
  console.error(`Cannot check ${file}: ${(error as Error).message} (has the app migrated it?)`);
  process.exit(2);
} finally {
  sqlite.close();
}
if (report.ok) {
  console.log(`OK: ${report.count} events in ${file}, the hash chain verifies (last hash ${report.lastHash}).`);
} else {
  console.error(`FAILED at event ${report.badId} (${report.problem} wrong): ${report.message}`);
  console.error(`${report.count} events before it verify.`);
  process.exit(1);
}
