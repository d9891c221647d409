/**
 * Baseline for scripts/bench/roadmap.ts: a bare node:http server answering GET /roadmap with the
 * roadmap as JSON, from the same SQL statements lib/roadmap/read.server.ts and visibleStatuses run
 * (prepared with better-sqlite3) and the same pure lanes (lib/roadmap/lanes.ts) — no auth, React or
 * Next: the cost of the data alone.
 *
 *   DATABASE_URL=./data/bench.sqlite PORT=4100 node --import tsx scripts/bench/roadmap-baseline-server.ts
 */
import http from 'node:http';
import Database from 'better-sqlite3';
import { laneOf, roadmapOf, shippedSince } from '../../lib/roadmap/lanes';
import type { RoadmapEntry, RoadmapPeriod, RoadmapStatus } from '../../lib/roadmap/types';

const file = (process.env.DATABASE_URL ?? '').replace(/^file:/, '');
const port = Number(process.env.PORT);
if (!file || !Number.isInteger(port) || port <= 0) {
  console.error('Set DATABASE_URL (an existing, seeded SQLite file) and PORT.');
  process.exit(1);
}
const sqlite = new Database(file, { fileMustExist: true });
sqlite.pragma('journal_mode = WAL');

const STATUSES = ['accepted', 'scheduled', 'in_delivery', 'delivered', 'deferred'];
const DELIVERY = ['scheduled', 'in_delivery', 'delivered'];
const list = (n: number) => Array(n).fill('?').join(',');
const all = <T>(sql: string, params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];

type Cycle = { id: number; name: string; startsOn: string; endsOn: string };
type Item = { id: number; title: string; status: string; cycleId: number; themeId: number | null; rank: string | null };

function roadmap(today: string) {
  const cycles = all<Cycle>(
    'select id, name, starts_on as startsOn, ends_on as endsOn from cycles order by starts_on, id',
    [],
  );
  const cycleIds = cycles.map((c) => c.id);
  const since = shippedSince(today);
  const old = cycles.filter((c) => c.endsOn < since).map((c) => c.id);
  const items = all<Item>(
    `select id, title, status, decision_reason, cycle_id as cycleId, theme_id as themeId, rank from items where cycle_id in (${list(cycleIds.length)}) and status in (${list(STATUSES.length)})${old.length ? ` and (cycle_id not in (${list(old.length)}) or status <> 'delivered')` : ''}`,
    [...cycleIds, ...STATUSES, ...old],
  );
  const ids = items.map((i) => i.id);
  const decided = new Map<number, boolean>();
  for (const d of all<{ itemId: number; publishedAt: string | null }>(
    `select d.item_id as itemId, d.meeting_id, d.decided_at, m.title, m.cycle_id, m.started_at, o.published_at as publishedAt from decisions d inner join meetings m on m.id = d.meeting_id left join outcome_publications o on o.meeting_id = d.meeting_id where d.item_id in (${list(ids.length)}) order by d.decided_at, d.id`,
    ids,
  ))
    decided.set(d.itemId, d.publishedAt !== null);
  const withSchedule = new Set(
    all<{ cycleId: number }>(
      `select distinct cycle_id as cycleId from schedule_publications where cycle_id in (${list(cycleIds.length)})`,
      cycleIds,
    ).map((r) => r.cycleId),
  );
  const themes = new Map(
    all<{ id: number; name: string; position: number }>(
      `select id, name, position from themes where cycle_id in (${list(cycleIds.length)})`,
      cycleIds,
    ).map((t) => [t.id, t]),
  );
  const latest = all<{ id: number }>(
    `select max(id) as id from schedule_publications where cycle_id in (${list(cycleIds.length)}) group by cycle_id`,
    cycleIds,
  ).map((r) => r.id);
  const periodDates = new Map(
    all<{ cycleId: number; name: string; startsOn: string; endsOn: string }>(
      `select cycle_id as cycleId, name, starts_on as startsOn, ends_on as endsOn from schedule_periods where cycle_id in (${list(cycleIds.length)})`,
      cycleIds,
    ).map((p) => [`${p.cycleId}:${p.name}`, p]),
  );
  const periods = new Map<number, RoadmapPeriod>();
  for (const pub of all<{ cycleId: number; snapshot: string }>(
    `select cycle_id as cycleId, snapshot from schedule_publications where id in (${list(latest.length)})`,
    latest,
  ))
    for (const s of JSON.parse(pub.snapshot) as { itemId: number; period: string | null }[]) {
      if (s.period === null) continue;
      const p = periodDates.get(`${pub.cycleId}:${s.period}`);
      periods.set(s.itemId, { name: s.period, startsOn: p?.startsOn ?? null, endsOn: p?.endsOn ?? null });
    }
  const shown = items
    .filter((i) => decided.get(i.id) === true)
    .map((i) => ({
      ...i,
      status: (DELIVERY.includes(i.status) && !withSchedule.has(i.cycleId) ? 'accepted' : i.status) as RoadmapStatus,
    }));
  const deliveredIds = shown.filter((i) => i.status === 'delivered').map((i) => i.id);
  const deliveredOn = new Map(
    all<{ itemId: number; deliveredOn: string }>(
      `select item_id as itemId, max(delivered_on) as deliveredOn from delivery_records where item_id in (${list(deliveredIds.length)}) and kind = 'final' and undone_at is null group by item_id`,
      deliveredIds,
    ).map((r) => [r.itemId, r.deliveredOn]),
  );
  const order = new Map(cycleIds.map((id, n) => [id, n]));
  const position = (id: number | null) => (id === null ? Infinity : (themes.get(id)?.position ?? Infinity));
  shown.sort(
    (a, b) =>
      order.get(a.cycleId)! - order.get(b.cycleId)! ||
      position(a.themeId) - position(b.themeId) ||
      (a.rank ?? '~').localeCompare(b.rank ?? '~') ||
      a.id - b.id,
  );
  const byId = new Map(cycles.map((c) => [c.id, c]));
  const entries: RoadmapEntry[] = shown.map((i) => {
    const c = byId.get(i.cycleId)!;
    const entry = {
      title: i.title,
      theme: i.themeId === null ? null : (themes.get(i.themeId)?.name ?? null),
      cycle: { name: c.name, startsOn: c.startsOn, endsOn: c.endsOn },
      status: i.status,
      period: i.status === 'deferred' ? null : (periods.get(i.id) ?? null),
      deliveredOn: i.status === 'delivered' ? (deliveredOn.get(i.id) ?? null) : null,
    };
    return { ...entry, lane: laneOf(entry, today) };
  });
  return roadmapOf(entries, today);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' || req.url !== '/roadmap') {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(roadmap(new Date().toISOString().slice(0, 10))));
});
server.listen(port, '127.0.0.1', () => console.log(`baseline listening on http://127.0.0.1:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
