import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres, migrateSqlite } from './migrate';
import * as sqliteSchema from './schema/sqlite';
import * as pgSchema from './schema-pg';

/**
 * The same rows written through drizzle into both databases read back as the same JavaScript
 * values: numbers stay numbers (epoch ms included), booleans booleans, JSON the same objects.
 */

const PG_URL = process.env.QUORUM_TEST_PG_URL;
const now = Date.parse('2026-03-01T10:00:00.000Z');

const rows = {
  departments: [{ name: 'Finance' }],
  users: [{ name: 'Ada', email: 'ada@example.com', role: 'pm' as const, departmentId: 1, createdAt: 'c' }],
  loginAttempts: [{ email: 'ada@example.com', client: '10.0.0.1', at: now }],
  userSessions: [{ id: 's1', userId: 1, createdAt: now, lastSeenAt: now + 60_000, endedAt: null }],
  cycles: [
    {
      name: '2026 Q2',
      cadence: 'quarter' as const,
      startsOn: '2026-04-01',
      endsOn: '2026-06-30',
      capacityWeeks: 42.5,
      sizeWeeks: { XS: 0.5, S: 1, M: 2, L: 4, XL: 8 },
      createdAt: 'c',
    },
  ],
  items: [
    {
      cycleId: 1,
      title: 'Export',
      requestorId: 1,
      departmentId: 1,
      estimateWeeks: 1.25,
      createdAt: 'c',
      updatedAt: 'u',
    },
  ],
  outbox: [
    { toAddress: 'a@b.c', subject: 's', text: 't', html: 'h', nextAttemptAt: now, claimedAt: now + 1, createdAt: 'c' },
  ],
  settings: [
    { key: 'lead_days', value: 3 },
    { key: 'nested', value: { a: [1, 'two', null], b: true } },
  ],
  events: [
    {
      at: 'a',
      actorId: 1,
      type: 'item.created',
      subjectType: 'item',
      subjectId: 1,
      data: { title: 'Export', tags: ['x'], weeks: 1.25 },
    },
  ],
};
type TableName = keyof typeof rows;

describe.skipIf(!PG_URL)('rows read back the same from SQLite and PostgreSQL', () => {
  const admin = new pg.Client({ connectionString: PG_URL });
  const name = `quorum_test_${crypto.randomBytes(6).toString('hex')}`;
  let client: pg.Client;
  const sqlite = new Database(':memory:');
  const lite = drizzleSqlite(sqlite, { schema: sqliteSchema });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(PG_URL!);
    url.pathname = `/${name}`;
    client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await migratePostgres(client, path.join(import.meta.dirname, 'migrations-pg'));
    migrateSqlite(sqlite, path.join(import.meta.dirname, 'migrations'));
  });
  afterAll(async () => {
    await client?.end();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it.each(Object.keys(rows) as TableName[])('%s', async (table) => {
    const postgres = drizzlePg(client, { schema: pgSchema });
    // The dialects' table types differ, the rows do not: both take the same plain objects.
    const values = rows[table] as never[];
    lite.insert(sqliteSchema[table]).values(values).run();
    await postgres.insert(pgSchema[table]).values(values);
    const fromSqlite = lite.select().from(sqliteSchema[table]).all();
    const fromPostgres = await postgres.select().from(pgSchema[table]);
    expect(fromPostgres).toEqual(fromSqlite);
    expect(fromSqlite).toHaveLength(values.length);
  });
});
