/**
 * For the benchmarks' PostgreSQL rounds: a database on PostgreSQL (QUORUM_TEST_PG_URL's server, or a
 * throw-away cluster started here), and `next start` processes on it that share one AUTH_SECRET, so a
 * session cookie made on one is accepted by all, as behind a load balancer.
 */
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from '../test/postgres-cluster';
import { freePort, nextBin, startChild, waitForHttp } from './lib';

export type PostgresDatabase = { url: string; drop: () => Promise<void> };

let cluster: PostgresCluster | null = null;

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database, or null (with the reason printed) when no PostgreSQL can be had here. */
export async function createBenchDatabase(name: string): Promise<PostgresDatabase | null> {
  let server = process.env.QUORUM_TEST_PG_URL;
  if (!server) {
    cluster = await startPostgresCluster();
    if (!cluster) {
      console.log('\nNo PostgreSQL here (Debian package `postgresql`): the PostgreSQL round is skipped.');
      return null;
    }
    server = cluster.url;
  }
  const database = `${name}_${Date.now().toString(36)}`;
  await withClient(server, (c) => c.query(`create database ${database}`));
  const url = new URL(server);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withClient(server, (c) => c.query(`drop database if exists ${database} with (force)`));
      await cluster?.stop();
      cluster = null;
    },
  };
}

export type NextProcess = { server: ChildProcess; base: string; direct: string };

/** `count` processes of the production build on one database, all answering. */
export async function startNextProcesses(databaseUrl: string, count: number): Promise<NextProcess[]> {
  const secret = crypto.randomBytes(32).toString('base64url');
  const processes: NextProcess[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const base = `http://localhost:${port}`;
    const server = startChild(
      `next start #${i + 1} (PostgreSQL)`,
      [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'],
      {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: secret,
        AUTH_URL: base,
        APP_URL: base,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    );
    await waitForHttp(`${base}/api/auth/csrf`, server);
    processes.push({ server, base, direct: `http://127.0.0.1:${port}` });
  }
  return processes;
}
