import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

/**
 * The query builder every module uses. It is typed with SQLite's builder; on PostgreSQL the object is
 * drizzle's node-postgres database with the PostgreSQL tables. Only what both share is used: queries
 * are awaited (never `.get()`, `.all()` or `.run()`, which exist only on SQLite), a row count comes
 * from `.returning()`, and SQL text that differs goes through db/dialect.ts.
 */
export type Db = Omit<BetterSQLite3Database<typeof schema>, 'transaction'> & {
  /** The handle's transaction (see DatabaseHandle), whichever connection or transaction this is. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
};

/**
 * Read from a handle's `db`: whether the caller is inside one of its transactions. (The `db` of a
 * handle is a proxy that routes to the open transaction; its `transaction` is the handle's.)
 */
// Symbol.for: Next bundles some modules twice (server and SSR chunks); both must read the same key.
export const IN_TRANSACTION = Symbol.for('quorum.inTransaction');
/** Counts the statements a handle runs, leaving out the transaction's own BEGIN/COMMIT/SAVEPOINT. */
export function statementCounter(): { logger: { logQuery: (query: string) => void }; count: () => number } {
  let n = 0;
  return {
    logger: { logQuery: (query) => void (/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(query) || n++) },
    count: () => n,
  };
}

export const isInTransaction = (db: Db): boolean => (db as unknown as Record<symbol, boolean>)[IN_TRANSACTION] === true;

/**
 * One open database, SQLite or PostgreSQL, with one contract:
 * - `transaction(fn)` runs `fn` atomically and isolated from every other request, however many
 *   `await`s it contains; a nested call is a savepoint. Inside it, `db` is the transaction too, so a
 *   helper that reads through `db` sees the transaction's own writes.
 * - Outside a transaction, `db` reads committed data; a lone write is its own transaction.
 * - `fn` may run more than once on PostgreSQL (a serialization failure is retried): it must have no
 *   effect outside the database. Publish, send and log after it returns.
 */
export type DatabaseHandle = {
  dialect: 'sqlite' | 'postgres';
  /** Settles once the start-up work (migrations, sealing old events) is done; rejects if it failed. */
  ready: Promise<void>;
  db: Db;
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Hand-written SQL for the few hot paths that skip the ORM's row mapping: `?` placeholders, rows
   * as arrays (`tuples`) or objects (`rows`). Inside a transaction it runs in that transaction.
   * The caller writes SQL both databases accept (db/dialect.ts has the pieces that differ).
   */
  tuples(text: string, params?: unknown[]): Promise<unknown[][]>;
  rows<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** A statement that returns nothing (outside a transaction it is a lone write, like any other). */
  execute(text: string, params?: unknown[]): Promise<void>;
  /** How many statements this handle has run: tests check that a page's queries do not grow with its rows. */
  statementCount(): number;
  /**
   * A value that changes whenever a change to any table is committed, by this process or another:
   * equal tokens mean equal committed data, so a read that every viewer shares may be kept until the
   * token moves. Read it before the data it guards: data read after it is at least as new.
   */
  changeToken(): Promise<string>;
  /** The raw SQLite writer connection (SQLite-only tools: backup, the offline audit check). */
  sqlite?: Database.Database;
  close(): Promise<void>;
};
