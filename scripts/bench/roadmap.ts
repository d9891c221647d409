/**
 * Roadmap benchmark (`npm run bench:roadmap`, also part of `npm run bench`): the roadmap of a company
 * with 8 cycles and 4,000 items (scripts/bench/seed-roadmap.ts, on a fresh SQLite database), read by
 * 10 concurrent readers for 10 s after a 2 s warm-up:
 *   (a) the page GET /roadmap on `next start` from the current build, signed in as the pm: each of
 *       its three views in turn (now/next/later, the default; the timeline; what shipped), then the
 *       changelog's last full quarter (measured for comparison; the target is the roadmap's);
 *   (b) a bare baseline: scripts/bench/roadmap-baseline-server.ts, node:http running the same SQL
 *       and the same pure lanes, answering JSON — the cost of the data alone.
 * Prints p50/p95/p99 and req/s of each and the ratio to the baseline; target: every view's p95 under 300 ms.
 * Figures go to bench-results/roadmap.json too. Needs a production build (`npm run build`).
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

const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 2);
const dbFile = path.join(benchTempDir('roadmap'), 'bench.sqlite');

const seeded = JSON.parse(
  (
    await runChild(
      'seed-roadmap',
      ['--conditions=react-server', ...tsxArgs, path.join(root, 'scripts', 'bench', 'seed-roadmap.ts')],
      { ...process.env, DATABASE_URL: dbFile },
    )
  )
    .trim()
    .split('\n')
    .at(-1)!,
) as { items: number };
console.log(`Seeded ${seeded.items} items in 8 cycles.`);

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
const baselinePort = await freePort();
const baseline = startChild(
  'baseline',
  [...tsxArgs, path.join(root, 'scripts', 'bench', 'roadmap-baseline-server.ts')],
  {
    ...process.env,
    DATABASE_URL: dbFile,
    PORT: String(baselinePort),
  },
);
const baselineUrl = `http://127.0.0.1:${baselinePort}/roadmap`;
await Promise.all([waitForHttp(`${base}/api/auth/csrf`, server), waitForHttp(baselineUrl, baseline)]);

/** The calendar quarter before this one, as the changelog's query string writes it. */
function lastQuarter(now = new Date()) {
  const q = Math.floor(now.getUTCMonth() / 3);
  return q === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q}`;
}

const cookie = await signIn(base, 'pm@quorum.test', 'quorum-demo');
const views = [
  { name: 'now/next/later', url: `${base}/roadmap` },
  { name: 'timeline', url: `${base}/roadmap?view=timeline` },
  { name: 'what shipped', url: `${base}/roadmap?view=shipped` },
  // Not a target of its own: the changelog's last full quarter (the seed's busiest: 350 deliveries).
  { name: 'changelog (last quarter)', url: `${base}/roadmap/changelog?quarter=${lastQuarter()}`, measuredOnly: true },
];
for (const [label, url, headers] of [
  ...views.map((v) => [v.name, v.url, { cookie }] as const),
  ['baseline', baselineUrl, {}] as const,
]) {
  const res = await fetch(url, { headers, redirect: 'manual' });
  const body = await res.text();
  if (!res.ok) throw new Error(`The ${label} answered ${res.status}`);
  console.log(`${label}: ${res.status}, ${(body.length / 1024).toFixed(0)} KB.`);
}
const load = { connections, warmupSeconds, seconds };
const pages = [];
for (const v of views) pages.push({ ...v, result: await runLoad({ url: v.url, headers: { cookie }, ...load }) });
const bare = await runLoad({ url: baselineUrl, headers: {}, ...load });

console.log(`\nRoadmap benchmark (${seeded.items} items, 8 cycles, ${connections} readers)\n`);
const row = (label: string, r: typeof bare) => [label, r.rps, r.p50, r.p95, r.p99, r.non2xx, r.errors + r.timeouts];
console.log(
  table(
    ['target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'errors', 'p95 ÷ (b)'],
    [
      ...pages.map((p) => [
        ...row(`(a) ${new URL(p.url).pathname}: ${p.name}`, p.result),
        (p.result.p95 / bare.p95).toFixed(2),
      ]),
      [...row('(b) baseline node:http + SQL', bare), ''],
    ],
  ),
);
// A run with errors or timeouts measured failures, not the roadmap: never a pass.
const clean = (r: typeof bare) => r.requests > 0 && r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
console.log('\nTargets:');
for (const p of pages.filter((p) => !('measuredOnly' in p)))
  console.log(
    `  ${passMiss(clean(p.result) && p.result.p95 < 300)}  ${p.name}: p95 < 300 ms at ${connections} readers (${p.result.p95} ms)`,
  );
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(
  path.join(root, 'bench-results', 'roadmap.json'),
  JSON.stringify(
    {
      items: seeded.items,
      views: pages.map((p) => ({ view: p.name, ...p.result, p95Ratio: p.result.p95 / bare.p95 })),
      baseline: bare,
    },
    null,
    2,
  ),
);
await stopChildren();
process.exit(0);
