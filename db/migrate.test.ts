import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate as drizzleMigrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MigrationError, migratePostgres, migrateSqlite, readMigrations } from './migrate';

const SQLITE_FOLDER = path.join(import.meta.dirname, 'migrations');
const PG_FOLDER = path.join(import.meta.dirname, 'migrations-pg');

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A copy of a migration folder with `extra` appended, as one more statement, to migration `tag`. */
function folderWithBrokenMigration(source: string, tag: string, extra: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-migrations-'));
  tempDirs.push(dir);
  fs.cpSync(source, dir, { recursive: true });
  fs.appendFileSync(path.join(dir, `${tag}.sql`), `\n--> statement-breakpoint\n${extra}`);
  return dir;
}

/** A copy of a migration folder whose journal stops after its first `count` migrations. */
function folderWithFirst(source: string, count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-migrations-'));
  tempDirs.push(dir);
  fs.cpSync(source, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  fs.writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return dir;
}

function sqliteRecord(sqlite: Database.Database) {
  return sqlite
    .prepare('SELECT hash, created_at AS createdAt FROM "__drizzle_migrations" ORDER BY created_at')
    .all() as { hash: string; createdAt: number }[];
}

/** What drizzle's own migrator records for a folder: one row per migration, its hash and `when`. */
function expectedRecord(folder: string) {
  return readMigrationFiles({ migrationsFolder: folder }).map((m) => ({ hash: m.hash, createdAt: m.folderMillis }));
}

describe('migrateSqlite', () => {
  it('applies every migration once and records them as drizzle does', () => {
    const sqlite = new Database(':memory:');
    migrateSqlite(sqlite, SQLITE_FOLDER);
    expect(sqliteRecord(sqlite)).toEqual(expectedRecord(SQLITE_FOLDER));
    expect(sqliteRecord(sqlite).length).toBe(readMigrations(SQLITE_FOLDER).length);
    // The last migrations' work is there: the hash-chain columns and the seal-once trigger.
    const columns = sqlite.prepare("SELECT name FROM pragma_table_info('events')").all();
    expect(columns).toContainEqual({ name: 'hash' });
    sqlite
      .prepare("INSERT INTO events (at, type, subject_type, subject_id, data) VALUES ('t', 'x', 'item', 1, '{}')")
      .run();
    expect(() => sqlite.prepare('DELETE FROM events').run()).toThrow('events is append-only');
  });

  it('applies nothing on a second run', () => {
    const sqlite = new Database(':memory:');
    migrateSqlite(sqlite, SQLITE_FOLDER);
    const before = sqliteRecord(sqlite);
    // A re-applied migration would fail outright (CREATE TABLE of an existing table) or add a row.
    expect(() => migrateSqlite(sqlite, SQLITE_FOLDER)).not.toThrow();
    expect(sqliteRecord(sqlite)).toEqual(before);
  });

  it("accepts a database that drizzle's migrator brought up to date, re-applying nothing", () => {
    const sqlite = new Database(':memory:');
    drizzleMigrate(drizzle(sqlite), { migrationsFolder: SQLITE_FOLDER });
    const before = sqlite.prepare('SELECT id, hash, created_at FROM "__drizzle_migrations"').all();
    migrateSqlite(sqlite, SQLITE_FOLDER);
    expect(sqlite.prepare('SELECT id, hash, created_at FROM "__drizzle_migrations"').all()).toEqual(before);
  });

  it('applies only the newer migrations to a database drizzle migrated earlier', () => {
    const sqlite = new Database(':memory:');
    drizzleMigrate(drizzle(sqlite), { migrationsFolder: folderWithFirst(SQLITE_FOLDER, 5) });
    expect(sqliteRecord(sqlite)).toHaveLength(5);
    migrateSqlite(sqlite, SQLITE_FOLDER);
    expect(sqliteRecord(sqlite)).toEqual(expectedRecord(SQLITE_FOLDER));
  });

  it('names the migration that fails and keeps the ones before it', () => {
    const folder = folderWithBrokenMigration(
      SQLITE_FOLDER,
      '0006_events_hash_chain',
      'ALTER TABLE nowhere ADD x text;',
    );
    const sqlite = new Database(':memory:');
    let error: unknown;
    try {
      migrateSqlite(sqlite, folder);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).tag).toBe('0006_events_hash_chain');
    expect((error as Error).message).toMatch(/^Migration 0006_events_hash_chain failed: no such table: nowhere/);
    expect((error as Error).message).toContain('at statement 4 of 4');
    expect(sqliteRecord(sqlite)).toEqual(expectedRecord(SQLITE_FOLDER).slice(0, 6));
    // The failed migration is undone as a whole: its first statements (new columns) are gone too.
    const columns = sqlite.prepare("SELECT name FROM pragma_table_info('events')").all();
    expect(columns).not.toContainEqual({ name: 'hash' });
  });
});

const PG_URL = process.env.QUORUM_TEST_PG_URL;

describe.skipIf(!PG_URL)('migratePostgres', () => {
  const admin = new pg.Client({ connectionString: PG_URL });
  const openClients: pg.Client[] = [];
  const databases: string[] = [];

  beforeAll(() => admin.connect());
  afterEach(async () => {
    await Promise.all(openClients.splice(0).map((c) => c.end()));
    for (const name of databases.splice(0)) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  afterAll(() => admin.end());

  /** A new, empty database of the test's own (dropped after the test), and `count` clients on it. */
  async function freshDatabase(count = 1): Promise<pg.Client[]> {
    const name = `quorum_test_${crypto.randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    databases.push(name);
    const url = new URL(PG_URL!);
    url.pathname = `/${name}`;
    const clients = Array.from({ length: count }, () => new pg.Client({ connectionString: url.toString() }));
    openClients.push(...clients);
    await Promise.all(clients.map((c) => c.connect()));
    return clients;
  }

  async function pgRecord(client: pg.ClientBase) {
    const { rows } = await client.query<{ hash: string; created_at: string }>(
      'SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at',
    );
    return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
  }

  it('applies every migration once, even with two processes starting at the same time', async () => {
    const [first, second] = await freshDatabase(2);
    await Promise.all([migratePostgres(first, PG_FOLDER), migratePostgres(second, PG_FOLDER)]);
    expect(await pgRecord(first)).toEqual(expectedRecord(PG_FOLDER));
    await migratePostgres(first, PG_FOLDER);
    expect(await pgRecord(first)).toEqual(expectedRecord(PG_FOLDER));
  });

  it('names the migration that fails and keeps the ones before it', async () => {
    const folder = folderWithBrokenMigration(PG_FOLDER, '0001_events_append_only', 'ALTER TABLE nowhere ADD x text;');
    const [client] = await freshDatabase();
    const failure = migratePostgres(client, folder);
    await expect(failure).rejects.toBeInstanceOf(MigrationError);
    await expect(failure).rejects.toMatchObject({ tag: '0001_events_append_only' });
    await expect(failure).rejects.toThrow(
      /^Migration 0001_events_append_only failed: relation "nowhere" does not exist/,
    );
    expect(await pgRecord(client)).toEqual(expectedRecord(PG_FOLDER).slice(0, 1));
    const triggers = await client.query("SELECT 1 FROM pg_trigger WHERE tgname LIKE 'events_%'");
    expect(triggers.rowCount).toBe(0);
  });

  describe('the events table', () => {
    const insert = (client: pg.Client, data: string) =>
      client.query<{ id: number }>(
        "INSERT INTO events (at, type, subject_type, subject_id, data) VALUES ('t', 'item.created', 'item', 1, $1) RETURNING id",
        [data],
      );

    it('accepts the one-time seal and refuses every other update, every delete and TRUNCATE', async () => {
      const [client] = await freshDatabase();
      await migratePostgres(client, PG_FOLDER);
      const { rows } = await insert(client, '{"b": 1, "a": 2}');
      const id = rows[0].id;
      const refused = 'events is append-only';

      await expect(client.query('UPDATE events SET type = $1 WHERE id = $2', ['x', id])).rejects.toThrow(refused);
      // Sealing while changing anything else is refused, even the same JSON value written differently.
      const sealAndRewrite = "UPDATE events SET prev_hash = 'p', hash = 'h', data = $1 WHERE id = $2";
      await expect(client.query(sealAndRewrite, ['{"a":2,"b":1}', id])).rejects.toThrow(refused);
      await expect(client.query("UPDATE events SET hash = 'h' WHERE id = $1", [id])).rejects.toThrow(refused);

      const seal = await client.query("UPDATE events SET prev_hash = 'p', hash = 'h' WHERE id = $1", [id]);
      expect(seal.rowCount).toBe(1);
      const sealed = await client.query('SELECT prev_hash, hash, data::text AS data FROM events WHERE id = $1', [id]);
      expect(sealed.rows[0]).toEqual({ prev_hash: 'p', hash: 'h', data: '{"b": 1, "a": 2}' });

      // Sealed once: never again.
      await expect(client.query("UPDATE events SET hash = 'h2' WHERE id = $1", [id])).rejects.toThrow(refused);
      await expect(client.query('DELETE FROM events WHERE id = $1', [id])).rejects.toThrow(refused);
      await expect(client.query('TRUNCATE events')).rejects.toThrow(refused);
      expect((await client.query('SELECT count(*)::int AS n FROM events')).rows[0]).toEqual({ n: 1 });
    });
  });
});
