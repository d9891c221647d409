/**
 * Baseline for scripts/bench/backlog.ts: a bare node:http server answering GET /api/cycles/:id/items with the
 * same JSON as the Next route, from the same SQL (lib/backlog/rows.ts, prepared once with better-sqlite3), without auth, React or Next. Serves as the ceiling to compare with.
 *
 *   DATABASE_URL=/tmp/bench.sqlite PORT=4100 node --import tsx scripts/bench/baseline-server.ts
 */
import http from 'node:http';
import Database from 'better-sqlite3';
import { BACKLOG_COLUMNS, backlogRowsSql, type BacklogSqlRow } from '../../lib/backlog/rows';

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

// The same statements the Next route runs: the cycle lookup, then the backlog rows statement.
const cycleStmt = sqlite.prepare('select "id" from "cycles" where "cycles"."id" = ?');
const rowsStmt = sqlite.prepare(backlogRowsSql('sqlite')).raw(true);

function listRows(cycleId: number): BacklogSqlRow[] | null {
  if (!cycleStmt.get(cycleId)) return null;
  return rowsStmt.all(cycleId) as BacklogSqlRow[];
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const match = /^\/api\/cycles\/([^/?]+)\/items(?:\?.*)?$/.exec(req.url ?? '');
  if (req.method !== 'GET' || !match) return send(res, 404, { error: 'Not found.' });
  const id = Number(match[1]);
  if (!Number.isInteger(id) || id <= 0)
    return send(res, 400, { error: `The cycle id must be a positive whole number (got "${match[1]}").` });
  const items = listRows(id);
  if (!items) return send(res, 404, { error: 'This cycle does not exist.' });
  send(res, 200, { columns: BACKLOG_COLUMNS, items });
});

server.listen(port, '127.0.0.1', () => console.log(`baseline listening on http://127.0.0.1:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => {
      sqlite.close();
      process.exit(0);
    });
    server.closeAllConnections();
  });
}
