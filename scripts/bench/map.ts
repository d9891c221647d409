/**
 * Story map benchmark (`npm run bench:map`, also part of `npm run bench`), on a map of 300 cards
 * (scripts/bench/seed-map.ts, a fresh temporary database) served by `next start` from the current build, each
 * figure beside a bare baseline measured in the same run, and their ratio:
 *   1. interactive: navigation to a card's drag handle holding the focus in headless Chromium, once React has
 *      hydrated the page (data-map-hydrated); baseline: a static HTML page of the same 300 cards from a bare
 *      node:http server (scripts/bench/map-baseline-server.ts). Target: Quorum p50 under 1 s.
 *   2. a card move answered (POST /api/cycles/:id/map, `move-card`, as the page sends it, signed in as the pm);
 *      baseline: plain Node + better-sqlite3 running the same SQL. Target: p95 under 100 ms.
 *   3. the move reaching a second open map (the engineer's GET /api/cycles/:id/map/events stream): from the
 *      request's sending to the stream's chunk; baseline: the bare SSE broadcaster of the meeting bench
 *      (scripts/bench/sse-baseline-server.ts). Target: p95 under 150 ms.
 * Moves go one at a time (each after the previous arrived). Figures go to bench-results/map.json. Targets
 * print PASS or MISS and never fail the run. Needs .next/BUILD_ID (`npm run build`).
 * Env: BENCH_MAP_CARDS (300), BENCH_MAP_MOVES (100), BENCH_MAP_PAGE_RUNS (7).
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
  signIn,
  startChild,
  stopChildren,
  table,
  tsxArgs,
  waitForHttp,
} from './lib';
import { launch, openStream, summary, timeMoves, timeToInteractive, type Move } from './map-measure';

const MOVES = Number(process.env.BENCH_MAP_MOVES ?? 100);
const PAGE_RUNS = Number(process.env.BENCH_MAP_PAGE_RUNS ?? 7);
const tmp = benchTempDir('map');
const dbFile = path.join(tmp, 'map.sqlite');
const seeded = JSON.parse(
  (
    await runChild(
      'seed-map',
      ['--conditions=react-server', ...tsxArgs, path.join(root, 'scripts/bench/seed-map.ts')],
      {
        ...process.env,
        DATABASE_URL: dbFile,
      },
    )
  )
    .trim()
    .split('\n')
    .at(-1)!,
) as { cycleId: number; pm: string; engineer: string; password: string; cells: Move['to'][]; movers: number[] };
const baselineDb = path.join(tmp, 'baseline.sqlite');
fs.copyFileSync(dbFile, baselineDb);

const [port, basePort, ssePort] = [await freePort(), await freePort(), await freePort()];
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
const bare = startChild('map baseline', [...tsxArgs, path.join(root, 'scripts/bench/map-baseline-server.ts')], {
  ...process.env,
  PORT: String(basePort),
  DATABASE_URL: baselineDb,
  CYCLE_ID: String(seeded.cycleId),
});
const sse = startChild('sse baseline', [...tsxArgs, path.join(root, 'scripts/bench/sse-baseline-server.ts')], {
  ...process.env,
  PORT: String(ssePort),
});
await waitForHttp(`${base}/api/auth/csrf`, server);
await waitForHttp(`http://127.0.0.1:${basePort}/map`, bare);
await waitForHttp(`http://127.0.0.1:${ssePort}/events`, sse, 60_000).catch(() => {});

const pmCookie = await signIn(base, seeded.pm, seeded.password);
const engineerCookie = await signIn(base, seeded.engineer, seeded.password);
const mapUrl = `${base}/cycles/${seeded.cycleId}/map`;
const probe = await fetch(mapUrl, { headers: { cookie: pmCookie } });
const html = await probe.text();
if (!probe.ok) throw new Error(`The map page answered ${probe.status}.`);
console.log(`Map page: ${probe.status}, ${(html.length / 1024).toFixed(0)} KB of HTML.`);

// 1. Interactive.
const browser = await launch();
const pageRuns = await timeToInteractive(browser, mapUrl, {
  cookie: pmCookie,
  hydratedSelector: '[data-map-hydrated="true"]',
  runs: PAGE_RUNS,
});
const baseRuns = await timeToInteractive(browser, `http://127.0.0.1:${basePort}/map`, { runs: PAGE_RUNS });
const [page, pageBase] = [pageRuns.total, baseRuns.total];
const med = (v: number[]) => summary(v).p50;
console.log(
  `Map page, medians (ms from navigation start): first byte ${med(pageRuns.firstByte)}, HTML loaded ${med(pageRuns.loaded)}, DOM ready ${med(pageRuns.domReady)}, interactive ${med(page)}; baseline ${med(baseRuns.firstByte)} / ${med(baseRuns.loaded)} / ${med(baseRuns.domReady)} / ${med(pageBase)}.`,
);
await browser.close();

// 2 and 3. Moves, and their arrival on a second open map.
const moves: Move[] = Array.from({ length: MOVES }, (_, i) => ({
  itemId: seeded.movers[i % seeded.movers.length],
  to: seeded.cells[(i * 7 + 3) % seeded.cells.length],
}));
const arrived = new Map<string, number>();
const mapNow = (await (
  await fetch(`${base}/api/cycles/${seeded.cycleId}/map`, { headers: { cookie: engineerCookie } })
).json()) as { lastEventId: number };
const closeQuorum = await openStream(
  `${base}/api/cycles/${seeded.cycleId}/map/events?lastEventId=${mapNow.lastEventId}`,
  engineerCookie,
  (data, at) => {
    const e = JSON.parse(data) as { type?: string; data?: { itemId?: number; version?: number } };
    if (e.type === 'map.card_moved') arrived.set(`${e.data?.itemId}:${e.data?.version}`, at);
  },
);
const quorum = await timeMoves({
  moves,
  firstVersion: 1,
  arrived,
  key: (m, v) => `${m.itemId}:${v}`,
  send: async (m, version) => {
    const res = await fetch(`${base}/api/cycles/${seeded.cycleId}/map`, {
      method: 'POST',
      headers: { cookie: pmCookie, 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ action: 'move-card', itemId: m.itemId, version, to: m.to, index: 0 }),
    });
    const body = (await res.json()) as { result?: { version: number }; error?: string };
    if (!res.ok) console.warn(`A move was refused (${res.status}): ${body.error}`);
    return { ok: res.ok, version: body.result?.version ?? version };
  },
});
closeQuorum();

const bareArrived = new Map<string, number>();
const closeBare = await openStream(`http://127.0.0.1:${ssePort}/events`, undefined, (data, at) => {
  const e = JSON.parse(data) as { data?: { itemId?: number; version?: number } };
  bareArrived.set(`${e.data?.itemId}:${e.data?.version}`, at);
});
const bareMoves = await timeMoves({
  moves,
  firstVersion: 1,
  arrived: bareArrived,
  key: (m, v) => `${m.itemId}:${v}`,
  send: async (m, version) => {
    // The same SQL answered by plain Node, then the bare broadcaster fans it out.
    const res = await fetch(`http://127.0.0.1:${basePort}/move`, {
      method: 'POST',
      body: JSON.stringify({ itemId: m.itemId, version, to: m.to, index: 0 }),
    });
    const body = (await res.json()) as { result?: { version: number } };
    const next = body.result?.version ?? version;
    await fetch(`http://127.0.0.1:${ssePort}/vote`, {
      method: 'POST',
      body: JSON.stringify({ itemId: m.itemId, version: next }),
    });
    return { ok: res.ok, version: next };
  },
});
closeBare();
await stopChildren();

const rows = {
  interactive: { quorum: summary(page), baseline: summary(pageBase) },
  moveAnswered: { quorum: summary(quorum.answer), baseline: summary(bareMoves.answer) },
  moveReachesOthers: { quorum: summary(quorum.fanOut), baseline: summary(bareMoves.fanOut) },
};
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : 'n/a');
const targets = [
  ['page interactive p50 < 1000 ms', rows.interactive, 'p50', 1000],
  ['card move answered p95 < 100 ms', rows.moveAnswered, 'p95', 100],
  ['move reaches a second map p95 < 150 ms', rows.moveReachesOthers, 'p95', 150],
] as const;
console.log(
  `\nStory map benchmark (${seeded.movers.length} cards moved ${MOVES} times on a map of ${process.env.BENCH_MAP_CARDS ?? 300} cards)\n`,
);
console.log(
  table(
    ['target', 'Quorum p50 / p95 / max ms', 'baseline p50 / p95 / max ms', 'ratio (p50, p95)', 'result'],
    targets.map(([name, r, key, limit]) => [
      name,
      `${r.quorum.p50} / ${r.quorum.p95} / ${r.quorum.max}`,
      `${r.baseline.p50} / ${r.baseline.p95} / ${r.baseline.max}`,
      `${ratio(r.quorum.p50, r.baseline.p50)}, ${ratio(r.quorum.p95, r.baseline.p95)}`,
      passMiss(r.quorum[key] < limit),
    ]),
  ),
);
console.log(
  `\nRefused moves: ${quorum.refused} (baseline ${bareMoves.refused}); lost on the stream: ${quorum.lost} (baseline ${bareMoves.lost}).`,
);
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(
  path.join(root, 'bench-results', 'map.json'),
  JSON.stringify({ at: new Date().toISOString(), ...rows, refused: quorum.refused, lost: quorum.lost }, null, 2),
);
process.exit(0);
