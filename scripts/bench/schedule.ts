/**
 * Schedule benchmark (`npm run bench:schedule`, also part of `npm run bench`):
 *   1. applying an approved change request on a cycle with 2,000 scheduled items, 50 runs
 *      (scripts/bench/seed-schedule.ts, in a child process on a fresh database): p50/p95/max,
 *      target p95 < 100 ms;
 *   2. the schedule page of that cycle (/cycles/:id/schedule) under 10 concurrent connections for
 *      10 s against `next start` from the current build: p50/p95/p99, target p95 < 300 ms; and the
 *      JSON route the page's board reads its 2,000 rows from (/api/cycles/:id/schedule), the same
 *      way, held to the same target: a page view is both.
 * Figures go to bench-results/schedule.json too.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  benchTempDir,
  freePort,
  nextBin,
  passMiss,
  root,
  runChild,
  runLoad,
  signIn,
  startChild,
  stopChildren,
  table,
  tsxArgs,
  waitForHttp,
} from './lib';

const tmpDir = benchTempDir('schedule');

const dbFile = path.join(tmpDir, 'bench.sqlite');
const seeded = JSON.parse(
  (
    await runChild(
      'seed-schedule',
      ['--conditions=react-server', ...tsxArgs, path.join(root, 'scripts', 'bench', 'seed-schedule.ts')],
      {
        ...process.env,
        DATABASE_URL: dbFile,
      },
    )
  )
    .trim()
    .split('\n')
    .at(-1)!,
) as { cycleId: number; applyMs: number[] };

const sorted = [...seeded.applyMs].sort((a, b) => a - b);
const pct = (p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
const apply = { runs: sorted.length, p50: pct(50), p95: pct(95), max: pct(100) };

const port = await freePort();
const base = `http://localhost:${port}`;
const server = startChild('next start', [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: dbFile,
  AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
  AUTH_URL: base,
  APP_URL: base,
  NEXT_TELEMETRY_DISABLED: '1',
});
await waitForHttp(`${base}/api/auth/csrf`, server);

const cookie = await signIn(base, 'pm@quorum.test', 'quorum-demo');
const pageUrl = `${base}/cycles/${seeded.cycleId}/schedule`;
const probe = await fetch(pageUrl, { headers: { cookie } });
const html = await probe.text();
if (!probe.ok) throw new Error(`The schedule page answered ${probe.status}`);
console.log(`Schedule page: ${probe.status}, ${(html.length / 1024).toFixed(0)} KB.`);
const load = await runLoad({ url: pageUrl, headers: { cookie }, connections: 10, warmupSeconds: 2, seconds: 10 });
const dataUrl = `${base}/api/cycles/${seeded.cycleId}/schedule`;
const dataProbe = await fetch(dataUrl, { headers: { cookie } });
console.log(`Schedule data: ${dataProbe.status}, ${((await dataProbe.text()).length / 1024).toFixed(0)} KB.`);
const data = await runLoad({
  url: dataUrl,
  headers: { cookie, accept: 'application/json' },
  connections: 10,
  warmupSeconds: 2,
  seconds: 10,
});

console.log('\nSchedule benchmark (2,000 scheduled items)\n');
console.log(
  table(
    ['measure', 'value'],
    [
      ['apply an approved change request: runs', apply.runs],
      ['apply p50 / p95 / max (ms)', `${apply.p50} / ${apply.p95} / ${apply.max}`],
      ['schedule page req/s (10 connections)', load.rps],
      ['schedule page p50 / p95 / p99 (ms)', `${load.p50} / ${load.p95} / ${load.p99}`],
      ['schedule data route req/s (10 connections)', data.rps],
      ['schedule data route p50 / p95 / p99 (ms)', `${data.p50} / ${data.p95} / ${data.p99}`],
      [
        'non-2xx / errors',
        `${load.non2xx + data.non2xx} / ${load.errors + load.timeouts + data.errors + data.timeouts}`,
      ],
    ],
  ),
);
console.log('\nTargets:');
console.log(
  `  ${passMiss(apply.p95 < 100)}  applying a change request p95 < 100 ms over ${apply.runs} runs (${apply.p95} ms)`,
);
console.log(
  `  ${passMiss(load.p95 < 300 && load.non2xx === 0)}  schedule page p95 < 300 ms at 10 connections (${load.p95} ms)`,
);
console.log(
  `  ${passMiss(data.p95 < 300 && data.non2xx === 0)}  its data route p95 < 300 ms at 10 connections (${data.p95} ms)`,
);
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(
  path.join(root, 'bench-results', 'schedule.json'),
  JSON.stringify({ apply, page: load, data }, null, 2),
);
await stopChildren();
process.exit(0);
