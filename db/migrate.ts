import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type pg from 'pg';

/**
 * Applies the committed migrations of db/migrations (SQLite) or db/migrations-pg (PostgreSQL) at
 * start-up. It keeps drizzle's own bookkeeping (the `__drizzle_migrations` table, the same hash of
 * each file, "apply what is newer than the last recorded `created_at`"), so a database that
 * drizzle's migrator brought up to date is accepted as it is, and drizzle's tools still read ours.
 * Unlike drizzle's migrator it runs each migration in its own transaction and, when one fails,
 * says which: the error names the migration's tag and the database's reason.
 */

export type Migration = {
  /** The journal's name for it, e.g. 0006_events_hash_chain (also the file name, without .sql). */
  tag: string;
  /** The journal's `when` (epoch ms): recorded as `created_at` once applied. */
  when: number;
  /** SHA-256 of the file's text, as drizzle computes it. */
  hash: string;
  statements: string[];
};

export class MigrationError extends Error {
  readonly tag: string;

  constructor(tag: string, reason: string, cause: unknown) {
    super(`Migration ${tag} failed: ${reason}`, { cause });
    this.name = 'MigrationError';
    this.tag = tag;
  }
}

type JournalEntry = { tag: string; when: number; breakpoints: boolean };

const STATEMENT_BREAKPOINT = '--> statement-breakpoint';

/** The migrations of a folder in journal order, read the way drizzle's readMigrationFiles does. */
export function readMigrations(folder: string): Migration[] {
  const journalPath = path.join(folder, 'meta', '_journal.json');
  if (!fs.existsSync(journalPath)) throw new Error(`No migration journal at ${journalPath}`);
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: JournalEntry[] };
  return journal.entries.map((entry) => {
    const file = path.join(folder, `${entry.tag}.sql`);
    if (!fs.existsSync(file)) throw new Error(`Migration ${entry.tag} is in the journal but ${file} is missing`);
    const text = fs.readFileSync(file).toString();
    return {
      tag: entry.tag,
      when: entry.when,
      hash: crypto.createHash('sha256').update(text).digest('hex'),
      // Drizzle splits on the marker whatever `breakpoints` says; a blank piece (text after the
      // last marker) has nothing to run.
      statements: text.split(STATEMENT_BREAKPOINT).filter((s) => s.trim() !== ''),
    };
  });
}

function failure(m: Migration, index: number, error: unknown): MigrationError {
  const e = error as { message?: string; detail?: string };
  const reason = [e.message ?? String(error), e.detail].filter(Boolean).join(' — ');
  // -1: it failed before its first statement ran; past the last: while recording it.
  const where = index >= 0 && index < m.statements.length ? ` at statement ${index + 1} of ${m.statements.length}` : '';
  return new MigrationError(m.tag, `${reason}${where}`, error);
}

const SQLITE_TABLE = '"__drizzle_migrations"';

function lastAppliedSqlite(sqlite: Database.Database): number | undefined {
  const row = sqlite.prepare(`SELECT created_at FROM ${SQLITE_TABLE} ORDER BY created_at DESC LIMIT 1`).get() as
    { created_at: number | string } | undefined;
  return row === undefined ? undefined : Number(row.created_at);
}

/** Brings a SQLite database up to date with the migrations in `folder`. */
export function migrateSqlite(sqlite: Database.Database, folder: string): void {
  const migrations = readMigrations(folder);
  // Drizzle's own definition, kept word for word so both migrators share one table.
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${SQLITE_TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
  );
  const last = lastAppliedSqlite(sqlite);
  for (const m of migrations) {
    if (last !== undefined && last >= m.when) continue;
    // IMMEDIATE takes the write lock first: a second process starting at the same time waits here,
    // then finds the migration recorded and skips it.
    sqlite.exec('BEGIN IMMEDIATE');
    let index = -1;
    try {
      const current = lastAppliedSqlite(sqlite);
      if (current === undefined || current < m.when) {
        for (index = 0; index < m.statements.length; index++) sqlite.exec(m.statements[index]);
        sqlite.prepare(`INSERT INTO ${SQLITE_TABLE} ("hash", "created_at") VALUES (?, ?)`).run(m.hash, m.when);
      }
      sqlite.exec('COMMIT');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw failure(m, index, error);
    }
  }
}

const PG_TABLE = '"drizzle"."__drizzle_migrations"';
/** Any fixed number works: every app process takes the same one ('quorum' in ASCII). */
const PG_MIGRATION_LOCK = '124749194884461';

async function lastAppliedPostgres(client: pg.ClientBase): Promise<number | undefined> {
  const { rows } = await client.query<{ created_at: string }>(
    `SELECT created_at FROM ${PG_TABLE} ORDER BY created_at DESC LIMIT 1`,
  );
  return rows.length === 0 ? undefined : Number(rows[0].created_at);
}

/**
 * Runs `fn` in a transaction that holds the migration lock: processes starting at once take
 * turns, and each re-reads what is applied once it has the lock.
 */
async function lockedTransaction(client: pg.ClientBase, fn: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PG_MIGRATION_LOCK]);
    await fn();
    await client.query('COMMIT');
  } catch (error) {
    // The first error is the one to report; a failed ROLLBACK (connection gone) would only hide it.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Brings a PostgreSQL database up to date with the migrations in `folder`; `client` stays open. */
export async function migratePostgres(client: pg.ClientBase, folder: string): Promise<void> {
  const migrations = readMigrations(folder);
  await lockedTransaction(client, async () => {
    // Drizzle's own layout, so that drizzle-kit and drizzle's migrator read the same record.
    await client.query('CREATE SCHEMA IF NOT EXISTS "drizzle"');
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${PG_TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`,
    );
  });
  const last = await lastAppliedPostgres(client);
  for (const m of migrations) {
    if (last !== undefined && last >= m.when) continue;
    let index = -1;
    try {
      await lockedTransaction(client, async () => {
        const current = await lastAppliedPostgres(client);
        if (current !== undefined && current >= m.when) return;
        for (index = 0; index < m.statements.length; index++) await client.query(m.statements[index]);
        await client.query(`INSERT INTO ${PG_TABLE} ("hash", "created_at") VALUES ($1, $2)`, [m.hash, m.when]);
      });
    } catch (error) {
      throw failure(m, index, error);
    }
  }
}
