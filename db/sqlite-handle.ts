import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { hasUnsealedEvents, sealEvents } from './event-chain';
import { IN_TRANSACTION, statementCounter, type DatabaseHandle, type Db } from './handle';
import { migrateSqlite } from './migrate';
import { Mutex } from './mutex';
import * as schema from './schema';

export type SqliteOptions = {
  /** Apply the committed migrations (the app and tests do; a second process on a migrated file does not). */
  migrate?: boolean;
  fileMustExist?: boolean;
};

function connect(file: string, readonly: boolean, fileMustExist: boolean): Database.Database {
  const sqlite = new Database(file, { readonly, fileMustExist });
  if (!readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

const WRITES = new Set(['insert', 'update', 'delete']);

/**
 * SQLite behind the one transaction contract (see handle.ts). better-sqlite3 is synchronous, so the
 * danger is not parallel statements but an `await` inside a transaction: while one request's
 * transaction waits, another request's statement would run on the same connection and join it. So
 * write transactions take an in-process mutex for their whole length (BEGIN IMMEDIATE … COMMIT) on
 * the writer connection, reads outside a transaction use a second, read-only connection (they see
 * only committed data), and a write outside any transaction waits for the same mutex.
 * An in-memory database cannot have a second connection: there reads share the writer's.
 */
export function openSqlite(file: string, options: SqliteOptions = {}): DatabaseHandle {
  const inMemory = file === ':memory:';
  if (!inMemory && !options.fileMustExist)
    fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const writer = connect(file, false, options.fileMustExist ?? false);
  if (options.migrate !== false)
    // A migration that fails stops the start, naming itself.
    migrateSqlite(writer, path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations'));
  const reader = inMemory ? writer : connect(file, true, true);
  const counter = statementCounter();
  const { logger } = counter;
  let rawStatements = 0;
  const writerDb = drizzle(writer, { schema, logger }) as Db;
  const readerDb = drizzle(reader, { schema, logger }) as Db;
  const mutex = new Mutex();
  const current = new AsyncLocalStorage<Db>();
  let savepoints = 0;

  async function transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const outer = current.getStore();
    if (outer) {
      // Nested: a savepoint, so that a refused inner step rolls back only its own writes.
      const name = `sp${++savepoints}`;
      writer.exec(`SAVEPOINT ${name}`);
      try {
        const value = await fn(db);
        writer.exec(`RELEASE ${name}`);
        return value;
      } catch (error) {
        writer.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw error;
      }
    }
    const release = await mutex.lock();
    try {
      writer.exec('BEGIN IMMEDIATE');
      try {
        const value = await current.run(writerDb, () => fn(db));
        writer.exec('COMMIT');
        return value;
      } catch (error) {
        if (writer.inTransaction) writer.exec('ROLLBACK');
        throw error;
      }
    } finally {
      release();
    }
  }

  // A write builder outside a transaction: it runs when awaited, so that is when it takes the mutex.
  function serialized<B extends object>(builder: B): B {
    return new Proxy(builder, {
      get(target, prop) {
        if (prop === 'then') {
          return (resolve: (v: unknown) => unknown, reject: (e: unknown) => unknown) =>
            mutex.run(() => Promise.resolve(target as unknown as PromiseLike<unknown>)).then(resolve, reject);
        }
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result = value.apply(target, args);
          return result && typeof result === 'object' && 'then' in result ? serialized(result) : result;
        };
      },
    });
  }

  const db = new Proxy(readerDb, {
    get(_target, prop) {
      if (prop === 'transaction') return transaction;
      if (prop === IN_TRANSACTION) return current.getStore() !== undefined;
      const inTransaction = current.getStore();
      const target = inTransaction ?? (WRITES.has(prop as string) ? writerDb : readerDb);
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (!inTransaction && WRITES.has(prop as string))
        return (...args: unknown[]) => serialized(value.apply(target, args));
      return value.bind(target);
    },
  });

  // A database from before the hash chain (or a row written without it) is sealed here, once.
  // The transaction takes the mutex at once, so every later write waits for the seal.
  const ready =
    options.migrate === false
      ? Promise.resolve()
      : transaction(async (tx) => {
          if (await hasUnsealedEvents(tx)) await sealEvents(tx);
        });
  ready.catch((error: unknown) => console.error(`Sealing the event log failed: ${(error as Error).message}`));

  const statements = new Map<Database.Database, Map<string, Database.Statement>>();
  function prepared(text: string, conn = current.getStore() ? writer : reader): Database.Statement {
    rawStatements++;
    let cache = statements.get(conn);
    if (!cache) statements.set(conn, (cache = new Map()));
    let statement = cache.get(text);
    if (!statement) cache.set(text, (statement = conn.prepare(text)));
    return statement;
  }

  return {
    dialect: 'sqlite',
    ready,
    db,
    transaction,
    tuples: async (text, params = []) =>
      prepared(text)
        .raw(true)
        .all(...params) as unknown[][],
    rows: async <T>(text: string, params: unknown[] = []) =>
      prepared(text)
        .raw(false)
        .all(...params) as T[],
    async execute(text, params = []) {
      if (current.getStore()) prepared(text, writer).run(...params);
      else await mutex.run(async () => void prepared(text, writer).run(...params));
    },
    statementCount: () => counter.count() + rawStatements,
    // The reader never writes, so its data_version moves with every commit of the writer or of
    // another process, and never with a transaction still open. In memory the writer is the reader:
    // its own changes count too.
    changeToken: async () =>
      inMemory
        ? `${writer.pragma('data_version', { simple: true })}:${writer.prepare('select total_changes()').pluck().get() as number}`
        : String(reader.pragma('data_version', { simple: true })),
    sqlite: writer,
    async close() {
      await mutex.run(async () => {
        if (reader !== writer) reader.close();
        writer.close();
      });
    },
  };
}
