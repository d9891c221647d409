import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { databasePath } from './database-path';
import { hasUnsealedEvents, sealEvents } from './event-chain';
import { migrateSqlite } from './migrate';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export { databasePath };

export function openDatabase(file = databasePath()): { sqlite: Database.Database; db: Db } {
  if (file !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // A migration that fails stops the start, naming itself (db/migrate.ts).
  migrateSqlite(sqlite, path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations'));
  const db = drizzle(sqlite, { schema });
  // A database from before the hash chain (or a row written without it) is sealed here, once.
  if (hasUnsealedEvents(sqlite)) db.transaction((tx) => sealEvents(tx), { behavior: 'immediate' });
  return { sqlite, db };
}

// One connection per process, kept on globalThis so dev hot reload does not open more.
const globalForDb = globalThis as unknown as { quorumDb?: ReturnType<typeof openDatabase> };
const conn = (globalForDb.quorumDb ??= openDatabase());

export const db = conn.db;
export const sqlite = conn.sqlite;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The one way to run a transaction. BEGIN IMMEDIATE takes the write lock at the start: a
 * transaction that reads and then writes would otherwise be refused at once ("database is
 * locked") when another process (a script, a test fixture, a second server) wrote in between,
 * instead of waiting out the busy timeout. Nested calls become savepoints.
 */
export function transaction<T>(fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: 'immediate' });
}
