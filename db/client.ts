import 'server-only';
import { databaseDialect, databasePath } from './database-path';
import type { DatabaseHandle, Db } from './handle';
import { openPostgres } from './postgres-handle';
import { openSqlite } from './sqlite-handle';

export type { Db, DatabaseHandle };
export { databasePath };

/** The database `DATABASE_URL` names: PostgreSQL for a postgres:// URL, else a SQLite file (the default). */
export function openDatabase(url = process.env.DATABASE_URL): DatabaseHandle {
  return databaseDialect(url) === 'postgres' ? openPostgres(url!) : openSqlite(databasePath(url));
}

/**
 * Why the database could not be opened, for a person reading the start-up log: which database
 * (the URL without its password) and the reason.
 */
export function describeOpenFailure(error: unknown, url = process.env.DATABASE_URL): string {
  const reason = (error as Error).message || String(error);
  if (databaseDialect(url) !== 'postgres') return `Cannot open the SQLite database ${databasePath(url)}: ${reason}`;
  let where = 'the URL in DATABASE_URL';
  try {
    const u = new URL(url!);
    where = `${u.hostname}:${u.port || 5432}${u.pathname} (DATABASE_URL)`;
  } catch {
    /* keep the generic wording: the URL itself is malformed */
  }
  return `Cannot use the PostgreSQL database at ${where}: ${reason}`;
}

// One handle per process, kept on globalThis so dev hot reload does not open more.
const globalForDb = globalThis as unknown as { quorumDb?: DatabaseHandle };
const handle = (globalForDb.quorumDb ??= openDatabase());

/** Reads committed data; inside `transaction()` it is that transaction. */
export const db: Db = handle.db;
export const dialect = handle.dialect;
/** Settles once migrations (and sealing old events) are done; start-up awaits it. */
export const databaseReady = handle.ready;

/**
 * The one way to run a transaction (the contract is in db/handle.ts): atomic, isolated from other
 * requests across its awaits, nested calls become savepoints. Publish and send after it returns.
 */
export function transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  return handle.transaction(fn);
}

export const tuples = (text: string, params?: unknown[]) => handle.tuples(text, params);
export const rows = <T>(text: string, params?: unknown[]) => handle.rows<T>(text, params);
export const execute = (text: string, params?: unknown[]) => handle.execute(text, params);
export const statementCount = () => handle.statementCount();
export const changeToken = () => handle.changeToken();
export const closeDatabase = () => handle.close();
