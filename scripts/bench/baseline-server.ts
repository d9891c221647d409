/**
 * Baseline for scripts/bench/backlog.ts: a bare node:http server answering GET /api/cycles/:id/items with the
 * same JSON as the Next route, from the same SQL listBacklogRows runs (the statements drizzle generates,
 * prepared once with better-sqlite3), without auth, React or Next. Serves as the ceiling to compare with.
 *
 *   DATABASE_URL=/tmp/bench.sqlite PORT=4100 node --import tsx scripts/bench/baseline-server.ts
 */
import http from 'node:http';
import Database from 'better-sqlite3';
import type { SizeWeeks } from '../../db/schema';
import { effectiveWeeks } from '../../lib/backlog/estimates';
import type { BacklogRow } from '../../lib/backlog/types';

const file = (process.env.DATABASE_URL ?? '').replace(/^file:/, '');
const port = Number(process.env.PORT);
if (!file || !Number.isInteger(port) || port <= 0) {
  console.error('Set DATABASE_URL (an existing, seeded SQLite file) and PORT.');
  process.exit(1);
}

const sqlite = new Database(file, { fileMustExist: true });
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma('synchronous = NORMAL');

// Copied from drizzle's toSQL() of loadCycle, rowQuery(...).where(...).orderBy(...) and moduleMap(db, 'cycle', id).
const cycleStmt = sqlite.prepare(
  'select "id", "name", "cadence", "starts_on", "ends_on", "capacity_weeks", "size_weeks", "status", "created_at" from "cycles" where "cycles"."id" = ?',
);
const rowsStmt = sqlite.prepare(
  `select "items"."id", "items"."version", "items"."title", "items"."status", "items"."kind", "items"."theme_id", "themes"."name", ` +
    `"items"."department_id", "departments"."name", "items"."estimate_size", "items"."estimate_weeks", "sponsors"."name", ` +
    `"requestors"."name", "items"."sme", "items"."business_benefit" <> '', "items"."updated_at" from "items" ` +
    `left join "themes" on "themes"."id" = "items"."theme_id" ` +
    `inner join "departments" on "departments"."id" = "items"."department_id" ` +
    `left join "users" "sponsors" on "sponsors"."id" = "items"."sponsor_id" ` +
    `inner join "users" "requestors" on "requestors"."id" = "items"."requestor_id" ` +
    `where "items"."cycle_id" = ? and "items"."status" <> 'draft' order by "items"."id" asc`,
).raw(true);
const modulesStmt = sqlite.prepare(
  'select "item_modules"."item_id", "modules"."id", "modules"."name" from "item_modules" ' +
    'inner join "modules" on "modules"."id" = "item_modules"."module_id" ' +
    'inner join "items" on "items"."id" = "item_modules"."item_id" where "items"."cycle_id" = ? order by "modules"."name" asc',
).raw(true);

type RawRow = [number, number, string, BacklogRow['status'], BacklogRow['kind'], number | null, string | null, number, string,
  BacklogRow['estimateSize'], number | null, string | null, string, string, number, string];

function listRows(cycleId: number): BacklogRow[] | null {
  const cycle = cycleStmt.get(cycleId) as { size_weeks: string } | undefined;
  if (!cycle) return null;
  const sizeWeeks = JSON.parse(cycle.size_weeks) as SizeWeeks;
  const mods = new Map<number, { ids: number[]; names: string[] }>();
  for (const [itemId, moduleId, name] of modulesStmt.all(cycleId) as [number, number, string][]) {
    const m = mods.get(itemId) ?? { ids: [], names: [] };
    m.ids.push(moduleId);
    m.names.push(name);
    mods.set(itemId, m);
  }
  // Same key order as listBacklogRows' objects, so the two JSON bodies can be compared byte for byte.
  return (rowsStmt.all(cycleId) as RawRow[]).map((r) => {
    const m = mods.get(r[0]);
    const row = {
      id: r[0], version: r[1], title: r[2], status: r[3], kind: r[4], themeId: r[5], themeName: r[6], departmentId: r[7],
      departmentName: r[8], estimateSize: r[9], estimateWeeks: r[10], sponsorName: r[11], requestorName: r[12], sme: r[13],
      hasBenefit: Boolean(r[14]), updatedAt: r[15], moduleIds: m?.ids ?? [], moduleNames: m?.names ?? [],
    };
    return { ...row, effectiveWeeks: effectiveWeeks(row, sizeWeeks) };
  });
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const match = /^\/api\/cycles\/([^/?]+)\/items(?:\?.*)?$/.exec(req.url ?? '');
  if (req.method !== 'GET' || !match) return send(res, 404, { error: 'Not found.' });
  const id = Number(match[1]);
  if (!Number.isInteger(id) || id <= 0) return send(res, 400, { error: `The cycle id must be a positive whole number (got "${match[1]}").` });
  const items = listRows(id);
  if (!items) return send(res, 404, { error: 'This cycle does not exist.' });
  send(res, 200, { items });
});

server.listen(port, '127.0.0.1', () => console.log(`baseline listening on http://127.0.0.1:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => { sqlite.close(); process.exit(0); });
    server.closeAllConnections();
  });
}
