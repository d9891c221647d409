/**
 * Baseline for scripts/bench/map.ts: plain node:http and better-sqlite3 on a copy of the seeded map database,
 * with no auth, Next or React — the practical limit for the same work.
 *
 *   GET  /map   a static HTML page with the map's cards (the same titles, kind, estimate, theme and one
 *               button each), no script: the "interactive" baseline.
 *   POST /move  `{ itemId, version, to: { stepId, sliceId }, index }`: the same SQL as a Quorum card move
 *               (the item, its card, the step and slice checked against the cycle, the cell read and
 *               renumbered, the card written on its version, one event row), in one transaction.
 *
 *   PORT=4100 DATABASE_URL=./data/bench-copy.sqlite CYCLE_ID=1 node --import tsx scripts/bench/map-baseline-server.ts
 */
import http from 'node:http';
import Database from 'better-sqlite3';

const port = Number(process.env.PORT);
const cycleId = Number(process.env.CYCLE_ID);
const sqlite = new Database(process.env.DATABASE_URL!);
sqlite.pragma('journal_mode = WAL');

type Card = { item_id: number; title: string; kind: string; estimate_size: string | null; theme: string | null };
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function page(): string {
  const cards = sqlite
    .prepare(
      `select i.id as item_id, i.title, i.kind, i.estimate_size, t.name as theme from items i
       left join themes t on t.id = i.theme_id where i.cycle_id = ? order by i.id`,
    )
    .all(cycleId) as Card[];
  const li = cards
    .map(
      (c) =>
        `<li><button type="button" aria-label="Drag ${escape(c.title)}">⠿</button><a href="/items/${c.item_id}">${escape(c.title)}</a><p>${c.kind} · ${c.estimate_size ?? ''} · ${escape(c.theme ?? '')}</p></li>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Map</title></head><body><main><h1>Map</h1><ul>${li}</ul></main></body></html>`;
}

const move = sqlite.transaction(
  (b: { itemId: number; version: number; to: { stepId: number; sliceId: number }; index: number }) => {
    const item = sqlite.prepare('select id, title, cycle_id, status from items where id = ?').get(b.itemId) as
      { id: number; title: string; cycle_id: number } | undefined;
    if (!item || item.cycle_id !== cycleId) return { status: 400 };
    const card = sqlite.prepare('select * from map_cards where item_id = ?').get(b.itemId) as
      { version: number } | undefined;
    if ((card?.version ?? 0) !== b.version) return { status: 409 };
    const step = sqlite
      .prepare(
        'select s.id from map_steps s join map_activities a on a.id = s.activity_id where s.id = ? and a.cycle_id = ?',
      )
      .get(b.to.stepId, cycleId);
    const slice = sqlite.prepare('select id from map_slices where id = ? and cycle_id = ?').get(b.to.sliceId, cycleId);
    if (!step || !slice) return { status: 400 };
    const cell = sqlite
      .prepare(
        `select c.item_id as id, c.position from map_cards c join items i on i.id = c.item_id
       where c.cycle_id = ? and c.step_id = ? and c.slice_id = ? and c.culled_at is null and c.item_id <> ? and i.cycle_id = ?
       order by c.position, c.item_id`,
      )
      .all(cycleId, b.to.stepId, b.to.sliceId, b.itemId, cycleId) as { id: number; position: number }[];
    const next = [...cell];
    next.splice(Math.min(b.index, cell.length), 0, { id: b.itemId, position: -1 });
    const setPosition = sqlite.prepare('update map_cards set position = ? where item_id = ?');
    next.forEach((c, position) => {
      if (c.id !== b.itemId && c.position !== position) setPosition.run(position, c.id);
    });
    const version = b.version + 1;
    sqlite
      .prepare(
        'update map_cards set step_id = ?, slice_id = ?, position = ?, version = ?, updated_at = ? where item_id = ? and version = ?',
      )
      .run(b.to.stepId, b.to.sliceId, b.index, version, new Date().toISOString(), b.itemId, b.version);
    sqlite
      .prepare('insert into events (at, actor_id, type, subject_type, subject_id, data) values (?, null, ?, ?, ?, ?)')
      .run(
        new Date().toISOString(),
        'map.card_moved',
        'cycle_map',
        cycleId,
        JSON.stringify({ itemId: b.itemId, to: b.to, version }),
      );
    return { status: 200, version };
  },
);

http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/map') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page());
      return;
    }
    if (req.method === 'POST' && req.url === '/move') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { status, version } = move(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ result: { version } }));
      });
      return;
    }
    res.writeHead(404).end();
  })
  .listen(port, '127.0.0.1', () => console.log(`map baseline listening on ${port}`));
