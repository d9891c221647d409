import 'server-only';
import { databasePath } from './database-path';
import type { DatabaseHandle, Db } from './handle';
import { openSqlite } from './sqlite-handle';

export type { Db, DatabaseHandle };
export { databasePath };

export function openDatabase(file = databasePath()): DatabaseHandle {
  return openSqlite(file);
}

// One handle per process, kept on globalThis so dev hot reload does not open more.
const globalForDb = globalThis as unknown as { quorumDb?: DatabaseHandle };
const handle = (globalForDb.quorumDb ??= openDatabase());

/** Reads committed data; inside `transaction()` it is that transaction. */
export const db: Db = handle.db;
export const dialect = handle.dialect;

/**
 * The one way to run a transaction (the contract is in db/handle.ts): atomic, isolated from other
 * requests across its awaits, nested calls become savepoints. Publish and send after it returns.
 */
export function transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  return handle.transaction(fn);
}

export const inTransaction = () => handle.inTransaction();
export const tuples = (text: string, params?: unknown[]) => handle.tuples(text, params);
export const rows = <T>(text: string, params?: unknown[]) => handle.rows<T>(text, params);
export const execute = (text: string, params?: unknown[]) => handle.execute(text, params);
export const statementCount = () => handle.statementCount();
export const closeDatabase = () => handle.close();
