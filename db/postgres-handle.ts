import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { hasUnsealedEvents, sealEvents } from './event-chain';
import { IN_TRANSACTION, statementCounter, type DatabaseHandle, type Db } from './handle';
import { migratePostgres } from './migrate';
import * as schema from './schema-pg';

export type PostgresOptions = {
  /** Apply the committed migrations at start (the app does; a test database cloned from a migrated template need not). */
  migrate?: boolean;
  /** Connections per process. */
  max?: number;
};

/** SQLSTATEs after which the whole transaction can run again: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 10;

/**
 * The pause before attempt `attempt + 1`: random up to 10 ms · 2^(attempt-1), at most a second ("full
 * jitter"). Every change that logs an event reads the log's last row, so concurrent changes conflict
 * with each other; on a busy machine a transaction lasts long enough that short, linear pauses ran out
 * of attempts while votes from several processes kept colliding (the vote then failed with a 500).
 * Growing pauses spread the retries out; the ten attempts wait at most about three seconds in all.
 */
export function retryPauseMs(attempt: number, random = Math.random()): number {
  return random * Math.min(1000, 10 * 2 ** (attempt - 1));
}
const CONNECT_TIMEOUT_MS = 5_000;
/** Any fixed number, the same in every process: the advisory lock retried transactions queue on. */
const RETRY_LOCK_KEY = 7_451_902;

type Open = { tx: Db; client: pg.PoolClient };

/** `?` placeholders (as SQLite takes them) numbered as PostgreSQL wants: `$1`, `$2`, … */
export function numberedPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/**
 * PostgreSQL behind the one transaction contract (db/handle.ts). Every transaction is SERIALIZABLE:
 * PostgreSQL then refuses one whose reads another committed transaction changed (a version check, a
 * "decided twice", a ranking read before its write), and the whole function runs again, up to
 * MAX_ATTEMPTS times with a short random pause. That protects every read-then-write rule without
 * naming each row to lock, at the price that the function must have no effect outside the database.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): DatabaseHandle {
  // A request waits at most CONNECT_TIMEOUT_MS for a connection: with the database gone, it answers
  // 503 soon instead of hanging.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: 'quorum',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle connection that dies (the server restarted) must not crash the process: the pool drops it.
  pool.on('error', (error) => console.warn(`A PostgreSQL connection was lost: ${error.message}`));
  const counter = statementCounter();
  const { logger } = counter;
  let rawStatements = 0;
  const pgDb = drizzle(pool, { schema, logger });
  const root = pgDb as unknown as Db;
  const current = new AsyncLocalStorage<Open>();

  async function transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const outer = current.getStore();
    if (outer) {
      // Nested: drizzle makes it a savepoint on the same connection.
      const outerTx = outer.tx as unknown as typeof pgDb;
      return outerTx.transaction((inner) =>
        current.run({ tx: inner as unknown as Db, client: outer.client }, () => fn(db)),
      );
    }
    const run = (on: typeof pgDb) =>
      on.transaction(
        (tx) => {
          const client = (tx as unknown as { session: { client: pg.PoolClient } }).session.client;
          return current.run({ tx: tx as unknown as Db, client }, () => fn(db));
        },
        { isolationLevel: 'serializable' },
      );
    for (let attempt = 1; ; attempt++) {
      try {
        return await (attempt === 1 ? run(pgDb) : oneAtATime(run));
      } catch (error) {
        const failure = error as { code?: string; cause?: { code?: string } };
        const code = failure.code ?? failure.cause?.code;
        // drizzle wraps the database's error ("Failed query: …"); callers see the database's own, as on SQLite.
        if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS)
          throw failure.cause instanceof Error ? failure.cause : error;
        await new Promise((resolve) => setTimeout(resolve, retryPauseMs(attempt)));
      }
    }
  }

  /**
   * A transaction that already lost a conflict runs again holding a session-level advisory lock, so
   * the retries of every process queue behind each other instead of colliding again (every change
   * that logs an event reads the log's last row). The lock is taken before BEGIN: taken inside, the
   * serializable snapshot would predate the holder's commit and conflict all the same. First attempts
   * stay optimistic, so uncontended writes never wait for it.
   */
  async function oneAtATime<T>(run: (on: typeof pgDb) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [RETRY_LOCK_KEY]);
      try {
        return await run(drizzle(client, { schema, logger }) as unknown as typeof pgDb);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [RETRY_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }

  const db = new Proxy(root, {
    get(_target, prop) {
      if (prop === 'transaction') return transaction;
      if (prop === IN_TRANSACTION) return current.getStore() !== undefined;
      const target = current.getStore()?.tx ?? root;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

  async function query(config: pg.QueryConfig | pg.QueryArrayConfig): Promise<pg.QueryResult> {
    rawStatements++;
    const open = current.getStore();
    return open ? open.client.query(config as pg.QueryConfig) : pool.query(config as pg.QueryConfig);
  }

  const ready = (async () => {
    if (options.migrate === false) return;
    const client = await pool.connect();
    try {
      await migratePostgres(client, path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations-pg'));
    } finally {
      client.release();
    }
    if (await hasUnsealedEvents(db)) await transaction((tx) => sealEvents(tx));
  })();
  ready.catch(() => undefined); // the caller awaits it and reports; unawaited it must not crash

  return {
    dialect: 'postgres',
    ready,
    db,
    transaction,
    async tuples(text, params = []) {
      return (await query({ text: numberedPlaceholders(text), values: params, rowMode: 'array' })).rows as unknown[][];
    },
    async rows<T>(text: string, params: unknown[] = []) {
      return (await query({ text: numberedPlaceholders(text), values: params })).rows as T[];
    },
    async execute(text, params = []) {
      await query({ text: numberedPlaceholders(text), values: params });
    },
    statementCount: () => counter.count() + rawStatements,
    // A snapshot (xmin:xmax:in-progress xids) names exactly which transactions are visible: a commit
    // anywhere changes the next one, and two equal snapshots see the same data.
    async changeToken() {
      const result = await pool.query<{ token: string }>('select pg_current_snapshot()::text as token');
      return result.rows[0].token;
    },
    close: () => pool.end(),
  };
}
