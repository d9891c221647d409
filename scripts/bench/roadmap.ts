/**
 * Roadmap benchmark (`npm run bench:roadmap`, also part of `npm run bench`): the roadmap of a company
 * with 8 cycles and 4,000 items (scripts/bench/seed-roadmap.ts, on a fresh SQLite database), read by
 * 10 concurrent readers for 10 s after a 2 s warm-up:
 *   (a) the page GET /roadmap on `next start` from the current build, signed in as the pm;
 *   (b) a bare baseline: scripts/bench/roadmap-baseline-server.ts, node:http running the same SQL
 *       and the same pure lanes, answering JSON — the cost of the data alone.
 * Prints p50/p95/p99 and req/s of both and their ratio; target: (a) p95 under 300 ms.
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

const cookie = await signIn(base, 'pm@quorum.test', 'quorum-demo');
const pageUrl = `${base}/roadmap`;
for (const [label, url, headers] of [
  ['page', pageUrl, { cookie }],
  ['baseline', baselineUrl, {}],
] as const) {
  const res = await fetch(url, { headers, redirect: 'manual' });
  const body = await res.text();
  if (!res.ok) throw new Error(`The ${label} answered ${res.status}`);
  console.log(`${label}: ${res.status}, ${(body.length / 1024).toFixed(0)} KB.`);
}
const load = { connections, warmupSeconds, seconds };
const page = await runLoad({ url: pageUrl, headers: { cookie }, ...load });
const bare = await runLoad({ url: baselineUrl, headers: {}, ...load });
const ratio = bare.p95 > 0 ? page.p95 / bare.p95 : null;

console.log(`\nRoadmap benchmark (${seeded.items} items, 8 cycles, ${connections} readers)\n`);
console.log(
  table(
    ['target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'errors'],
    [
      ['(a) page GET /roadmap', page.rps, page.p50, page.p95, page.p99, page.non2xx, page.errors + page.timeouts],
      [
        '(b) baseline node:http + SQL',
        bare.rps,
        bare.p50,
        bare.p95,
        bare.p99,
        bare.non2xx,
        bare.errors + bare.timeouts,
      ],
    ],
  ),
);
if (ratio !== null)
  console.log(
    `\n(a)/(b) p95: ${ratio.toFixed(2)}×; throughput ${((page.rps / bare.rps) * 100).toFixed(1)}% of the baseline`,
  );
// A run with errors or timeouts measured failures, not the roadmap: never a pass.
const clean = page.requests > 0 && page.non2xx === 0 && page.errors === 0 && page.timeouts === 0;
console.log('\nTargets:');
console.log(
  `  ${passMiss(clean && page.p95 < 300)}  roadmap page p95 < 300 ms at ${connections} readers (${page.p95} ms)`,
);
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(
  path.join(root, 'bench-results', 'roadmap.json'),
  JSON.stringify({ items: seeded.items, page, baseline: bare, p95Ratio: ratio }, null, 2),
);
await stopChildren();
process.exit(0);
