import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { migratePostgres } from '@/db/migrate';

/**
 * The unit suite on PostgreSQL: one database migrated once (the template), and a copy of it per test
 * file, as each file has its own fresh SQLite database on the other run. CREATE DATABASE … TEMPLATE
 * copies files, so a copy costs far less than migrating again.
 */
export const TEMPLATE = 'quorum_test_template';
const PREFIX = 'quorum_test_';

export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops the copies a run left behind, then makes the template afresh. */
export async function createTemplate(base: string): Promise<void> {
  await dropTestDatabases(base);
  await withClient(base, (c) => c.query(`create database ${TEMPLATE}`));
  await withClient(databaseUrl(base, TEMPLATE), (c) =>
    migratePostgres(c, path.join(process.cwd(), 'db', 'migrations-pg')),
  );
}

/** A fresh copy of the template for one test file; returns its URL. */
export async function createTestDatabase(base: string): Promise<string> {
  const name = `${PREFIX}${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  await withClient(base, (c) => c.query(`create database ${name} template ${TEMPLATE}`));
  return databaseUrl(base, name);
}

export async function dropTestDatabases(base: string): Promise<void> {
  await withClient(base, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `select datname from pg_database where datname like '${PREFIX}%'`,
    );
    for (const { datname } of rows) await c.query(`drop database if exists ${datname} with (force)`);
  });
}
