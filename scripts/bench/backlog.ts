/**
 * Backlog load benchmark: `npm run bench` (add `-- --baseline-only` to skip Next and measure only the baseline).
 *
 * What it measures, with a cycle of 5,000 items (a fresh temporary SQLite DB seeded by scripts/prepare-db.ts):
 *   (a) the backlog page        GET /cycles/1             (next start, production build, signed in as the pm)
 *   (b) the JSON route          GET /api/cycles/1/items   (same server and session)
 *   (c) a baseline              GET /api/cycles/1/items   on scripts/bench/baseline-server.ts: bare node:http running
 *       the same SQL as listBacklogRows through better-sqlite3 — the cost of the data alone, no auth/React/Next.
 *   and (b) again on PostgreSQL (the same seed; QUORUM_TEST_PG_URL's server or a throw-away cluster; skipped,
 *       saying so, where PostgreSQL is not installed), printed next to (b) on SQLite.
 * Each target gets a 2 s warm-up, then 10 s of autocannon with 10 connections, run from a separate process
 * (scripts/bench/load.ts). Reported per target: requests/s, p50/p95/p99 latency, non-2xx, errors, and the peak RSS
 * of the server's whole process tree (VmRSS from /proc, sampled every 200 ms).
 * Targets (printed PASS/MISS, never fail the run): (b) ≥ 40% of (c)'s throughput; page p95 < 300 ms; Next RSS < 400 MB.
 * A target with non-2xx responses or socket errors is a MISS: its numbers describe errors, not the real work.
 * Figures also go to bench-results/backlog.json. Needs .next/BUILD_ID (runs `next build` when it is missing).
 * Env overrides: BENCH_CONNECTIONS, BENCH_SECONDS, BENCH_WARMUP. Everything listens on loopback only.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBenchDatabase, startNextProcesses } from './postgres-servers';
import {
  freePort,
  killChildren,
  passMiss,
  root,
  runChild,
  runLoad,
  sampleRss,
  signIn,
  startChild,
  stopChildren,
  table,
  tsxArgs,
  waitForHttp,
  type LoadResult,
} from './lib';

const baselineOnly = process.argv.includes('--baseline-only');
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 2);
const CYCLE_ID = 1;
const EMAIL = 'pm@quorum.test';
const PASSWORD = 'quorum-demo';
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const outFile = path.join(root, 'bench-results', 'backlog.json');

let tmpDir: string | undefined;
let interrupted = false;
process.on('exit', () => {
  killChildren();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the servers.`);
    void stopChildren(1000).finally(() => process.exit(130));
  });
}

type Target = {
  key: 'page' | 'api' | 'api-postgres' | 'baseline';
  label: string;
  url: string;
  headers: Record<string, string>;
  server: ChildProcess;
};
type Measured = Target & { result: LoadResult; peakRssMb: number | null };

async function seedDatabase(): Promise<{ file: string; visibleItems: number }> {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-bench-'));
  const file = path.join(tmpDir, 'bench.sqlite');
  const started = Date.now();
  await runChild(
    'scripts/prepare-db.ts',
    ['--conditions=react-server', ...tsxArgs, path.join(root, 'scripts', 'prepare-db.ts')],
    {
      ...process.env,
      DATABASE_URL: file,
      SEED: '1',
      SEED_EXTRA_ITEMS: '4960',
    },
  );
  const check = new Database(file, { readonly: true });
  const { n } = check
    .prepare("select count(*) as n from items where cycle_id = ? and status <> 'draft'")
    .get(CYCLE_ID) as { n: number };
  check.close();
  console.log(
    `Seeded ${file}: cycle ${CYCLE_ID} has ${n} visible items (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
  return { file, visibleItems: n };
}

function ensureBuild(dbFile: string) {
  if (fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) return;
  console.log('No production build (.next/BUILD_ID missing): running `next build` first…');
  // Collecting page data loads the app's env and DB: give it a secret and the temp DB, not ./data/quorum.db.
  const env = {
    ...process.env,
    AUTH_SECRET: process.env.AUTH_SECRET ?? crypto.randomBytes(32).toString('base64url'),
    DATABASE_URL: dbFile,
  };
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env });
  if (build.status !== 0) throw new Error(`next build failed (code ${build.status}).`);
}

async function startBaseline(dbFile: string): Promise<{ server: ChildProcess; base: string }> {
  const port = await freePort();
  const server = startChild('baseline', [...tsxArgs, path.join(root, 'scripts', 'bench', 'baseline-server.ts')], {
    ...process.env,
    DATABASE_URL: dbFile,
    PORT: String(port),
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/cycles/${CYCLE_ID}/items`, server);
  return { server, base };
}

async function startNext(dbFile: string): Promise<{ server: ChildProcess; base: string }> {
  const port = await freePort();
  const base = `http://localhost:${port}`; // next-auth cookies want the host the app is configured with
  const server = startChild('next start', [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dbFile,
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    AUTH_URL: base,
    APP_URL: base,
  });
  const started = Date.now();
  await waitForHttp(`${base}/api/auth/csrf`, server);
  console.log(`next start answered on ${base} after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { server, base };
}

/** One request per target before loading it: shows status and size, and checks (b) and (c) return the same JSON. */
async function sanityCheck(targets: Target[]) {
  const bodies = new Map<string, string>();
  for (const t of targets) {
    const started = performance.now();
    const res = await fetch(t.url, { headers: t.headers, redirect: 'manual' });
    const body = await res.text();
    bodies.set(t.key, body);
    const ms = (performance.now() - started).toFixed(0);
    console.log(
      `  ${t.label}: ${res.status}, ${(body.length / 1024).toFixed(0)} KB, ${ms} ms${res.status >= 300 ? ` ← not 2xx: ${body.slice(0, 160)}` : ''}`,
    );
  }
  const api = bodies.get('api');
  const baseline = bodies.get('baseline');
  if (api === undefined || baseline === undefined) return;
  if (api === baseline) console.log('  (b) and (c) return byte-identical JSON.');
  else {
    const count = (s: string) => {
      try {
        return (JSON.parse(s) as { items?: unknown[] }).items?.length ?? '?';
      } catch {
        return '?';
      }
    };
    console.log(
      `  WARNING: (b) and (c) bodies differ (${count(api)} vs ${count(baseline)} items, ${api.length} vs ${baseline.length} bytes).`,
    );
  }
}

async function measure(t: Target): Promise<Measured> {
  process.stdout.write(`  ${t.label}: ${warmupSeconds} s warm-up + ${seconds} s × ${connections} connections… `);
  const rss = sampleRss(t.server.pid!);
  const result = await runLoad({ url: t.url, headers: t.headers, connections, warmupSeconds, seconds });
  const peakRssMb = rss.stop();
  console.log(`${result.rps} req/s`);
  return { ...t, result, peakRssMb };
}

function report(measured: Measured[], itemsInfo: Record<string, unknown>) {
  const fmt = (n: number | null) => (n === null || Number.isNaN(n) ? 'n/a' : String(n));
  console.log(
    `\nBacklog benchmark: ${connections} connections, ${seconds} s per target (after ${warmupSeconds} s warm-up)\n`,
  );
  console.log(
    table(
      ['target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'errors', 'MB/s', 'peak RSS MB'],
      measured.map((m) => [
        m.label,
        m.result.rps,
        m.result.p50,
        m.result.p95,
        m.result.p99,
        m.result.non2xx,
        m.result.errors + m.result.timeouts,
        m.result.mbPerSec,
        fmt(m.peakRssMb),
      ]),
    ),
  );
  const by = (k: Target['key']) => measured.find((m) => m.key === k);
  const clean = (m?: Measured) =>
    !!m && m.result.non2xx === 0 && m.result.errors === 0 && m.result.timeouts === 0 && m.result.requests > 0;
  for (const m of measured) {
    if (!clean(m))
      console.log(
        `\n  ${m.label}: status codes ${JSON.stringify(m.result.statusCodes)}, ${m.result.errors} errors, ${m.result.timeouts} timeouts.`,
      );
  }
  const page = by('page');
  const api = by('api');
  const baseline = by('baseline');
  const ratio = api && baseline && baseline.result.rps > 0 ? api.result.rps / baseline.result.rps : null;
  const nextRss = [page?.peakRssMb, api?.peakRssMb].filter((v): v is number => typeof v === 'number');
  const nextPeak = nextRss.length ? Math.max(...nextRss) : null;
  const checks = {
    apiVsBaseline: {
      target: '(b) ≥ 40% of (c) req/s',
      value: ratio,
      pass: ratio !== null && ratio >= 0.4 && clean(api) && clean(baseline),
    },
    pageP95: {
      target: 'page p95 < 300 ms',
      value: page?.result.p95 ?? null,
      pass: !!page && page.result.p95 < 300 && clean(page),
    },
    nextRss: { target: 'Next peak RSS < 400 MB', value: nextPeak, pass: nextPeak !== null && nextPeak < 400 },
  };
  if (ratio !== null) console.log(`\n(b)/(c) throughput: ${(ratio * 100).toFixed(1)}%`);
  const onPostgres = by('api-postgres');
  const postgresRatio = onPostgres && api && api.result.rps > 0 ? onPostgres.result.rps / api.result.rps : null;
  if (postgresRatio !== null)
    console.log(
      `(b) on PostgreSQL / on SQLite: ${(postgresRatio * 100).toFixed(1)}% of the throughput, p95 ${onPostgres!.result.p95} vs ${api!.result.p95} ms`,
    );
  if (!baselineOnly) {
    console.log('\nTargets:');
    console.log(
      `  ${passMiss(checks.apiVsBaseline.pass)}  ${checks.apiVsBaseline.target} (${ratio === null ? 'n/a' : `${(ratio * 100).toFixed(1)}%`})`,
    );
    console.log(`  ${passMiss(checks.pageP95.pass)}  ${checks.pageP95.target} (${fmt(checks.pageP95.value)} ms)`);
    console.log(`  ${passMiss(checks.nextRss.pass)}  ${checks.nextRss.target} (${fmt(nextPeak)} MB)`);
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const json = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    baselineOnly,
    connections,
    seconds,
    warmupSeconds,
    ...itemsInfo,
    results: Object.fromEntries(
      measured.map((m) => [m.key, { label: m.label, url: m.url, ...m.result, peakRssMb: m.peakRssMb }]),
    ),
    apiToBaselineRatio: ratio,
    postgresToSqliteApiRatio: postgresRatio,
    nextPeakRssMb: nextPeak,
    checks: baselineOnly ? undefined : checks,
  };
  fs.writeFileSync(outFile, JSON.stringify(json, null, 2) + '\n');
  console.log(`\nWrote ${path.relative(root, outFile)}`);
}

async function main() {
  const { file: dbFile, visibleItems } = await seedDatabase();
  if (!baselineOnly) ensureBuild(dbFile);
  const baseline = await startBaseline(dbFile);
  const targets: Target[] = [];
  if (!baselineOnly) {
    const next = await startNext(dbFile);
    const cookie = await signIn(next.base, EMAIL, PASSWORD);
    console.log(`Signed in as ${EMAIL}.`);
    targets.push(
      {
        key: 'page',
        label: `(a) page GET /cycles/${CYCLE_ID}`,
        url: `${next.base}/cycles/${CYCLE_ID}`,
        headers: { cookie },
        server: next.server,
      },
      {
        key: 'api',
        label: `(b) api GET /api/cycles/${CYCLE_ID}/items`,
        url: `${next.base}/api/cycles/${CYCLE_ID}/items`,
        headers: { cookie },
        server: next.server,
      },
    );
  }
  // The same JSON route on PostgreSQL: the same seed in a PostgreSQL database, one process.
  const postgres = baselineOnly ? null : await createBenchDatabase('quorum_bench_backlog');
  if (postgres) {
    await runChild(
      'scripts/prepare-db.ts (PostgreSQL)',
      ['--conditions=react-server', ...tsxArgs, path.join(root, 'scripts', 'prepare-db.ts')],
      {
        ...process.env,
        DATABASE_URL: postgres.url,
        SEED: '1',
        SEED_EXTRA_ITEMS: '4960',
      },
    );
    const [next] = await startNextProcesses(postgres.url, 1);
    const cookie = await signIn(next.base, EMAIL, PASSWORD);
    targets.push({
      key: 'api-postgres',
      label: `(b) on PostgreSQL GET /api/cycles/${CYCLE_ID}/items`,
      url: `${next.base}/api/cycles/${CYCLE_ID}/items`,
      headers: { cookie },
      server: next.server,
    });
  }
  targets.push({
    key: 'baseline',
    label: '(c) baseline node:http + SQL',
    url: `${baseline.base}/api/cycles/${CYCLE_ID}/items`,
    headers: {},
    server: baseline.server,
  });

  console.log('\nOne request each:');
  await sanityCheck(targets);
  const [load1] = os.loadavg();
  if (load1 > os.cpus().length * 0.5) {
    console.log(
      `\nWARNING: load average ${load1.toFixed(1)} on ${os.cpus().length} CPUs — other work competes with the servers; figures will be low and noisy.`,
    );
  }
  console.log('\nLoad:');
  const measured: Measured[] = [];
  for (const t of targets) measured.push(await measure(t));

  const crashed = targets.filter((t) => t.server.exitCode !== null || t.server.signalCode !== null);
  report(measured, { cycleId: CYCLE_ID, visibleItems, loadAvg1mBeforeLoad: Math.round(load1 * 100) / 100 });
  await postgres?.drop();
  if (crashed.length) throw new Error(`A server exited during the run: ${crashed.map((t) => t.label).join(', ')}.`);
}

main().then(
  () => stopChildren().finally(() => process.exit(0)),
  (error: unknown) => {
    if (interrupted) return; // the signal handler is already stopping and exiting
    console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    void stopChildren().finally(() => process.exit(1));
  },
);
