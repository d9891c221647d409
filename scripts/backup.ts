/**
 * `npm run backup [path]` — an online, consistent copy of the database at DATABASE_URL (default
 * ./data/quorum.db) while the app keeps running, by default to ./data/backups/quorum-<UTC time>.db.
 * SQLite's backup API (better-sqlite3's `backup()`) copies every page in one step, under one read
 * snapshot: in WAL mode the app's writers go on meanwhile and the copy is the database as of one
 * commit. The copy is then checked (integrity_check, the event log's hash chain) before it is reported.
 * Restoring is in the README.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from '../db/database-path';
import { verifySqliteChain } from '../db/event-chain';

const source = databasePath();
if (source === ':memory:' || !fs.existsSync(source)) {
  console.error(`No database at ${source} (set DATABASE_URL).`);
  process.exit(2);
}
const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, 'Z');
const target = path.resolve(process.argv[2] ?? path.join('data', 'backups', `quorum-${stamp}.db`));
if (fs.existsSync(target)) {
  console.error(`${target} exists already: choose another path.`);
  process.exit(2);
}
fs.mkdirSync(path.dirname(target), { recursive: true });

const db = new Database(source, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const started = Date.now();
try {
  // The whole database in one step: a copy made in several steps starts over whenever another
  // process writes in between, and under steady writes might never finish.
  await db.backup(target, { progress: () => 0x7fffffff });
} finally {
  db.close();
}

const copy = new Database(target, { readonly: true });
const integrity = copy.pragma('integrity_check', { simple: true });
const chain = await verifySqliteChain(copy);
copy.close();
const size = fs.statSync(target).size;
console.log(`Backup written to ${target} (${(size / 1024).toFixed(0)} KiB in ${Date.now() - started} ms).`);
console.log(`integrity_check: ${String(integrity)}`);
if (integrity !== 'ok' || !chain.ok) {
  console.error(
    chain.ok ? 'The copy is damaged.' : `The copy's hash chain fails at event ${chain.badId}: ${chain.message}`,
  );
  process.exit(1);
}
console.log(`Hash chain: OK, ${chain.count} events.`);
