/**
 * The measuring half of scripts/bench/api-read.ts, run in a child process with DATABASE_URL set to a
 * fresh database (each process has one database handle). Seeds a cycle of 5,000 items, then reads all
 * of them, in-process, three ways — through the REST API's route handler with a real token, page by
 * page; through the function behind the session JSON route; and with one plain SQL statement — each
 * a warm-up and RUNS timed runs. Prints `{"items":…,"pages":…,"v1Ms":[…],"jsonRouteMs":[…],"baselineMs":[…]}`
 * as its last line.
 */
import { databaseReady, db, rows } from '../../db/client';
import { makeCycle, makeModule, makeTheme, makeUser } from '../../db/factories';
import { itemModules, items } from '../../db/schema';
import { GET as listItems } from '../../app/api/v1/items/route';
import { createApiToken } from '../../lib/api-tokens/tokens.server';
import { loadActiveUser } from '../../lib/auth/active-user.server';
import { listBacklogTuples } from '../../lib/backlog/list.server';
import { BACKLOG_COLUMNS } from '../../lib/backlog/rows';

await databaseReady;
const ITEMS = 5000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const pm = await makeUser(db, { role: 'pm' });
const cycle = await makeCycle(db);
const themeIds = [(await makeTheme(db, cycle.id)).id, (await makeTheme(db, cycle.id)).id];
const moduleIds = [(await makeModule(db)).id, (await makeModule(db)).id];
const at = new Date().toISOString();
for (let start = 0; start < ITEMS; start += 500) {
  const batch = Array.from({ length: Math.min(500, ITEMS - start) }, (_, i) => ({
    title: `Bench item ${start + i}`,
    description: 'What it is, in a sentence or two.',
    businessBenefit: 'Why it matters.',
    kind: 'feature' as const,
    status: 'curated' as const,
    cycleId: cycle.id,
    themeId: themeIds[(start + i) % 2],
    requestorId: pm.id,
    sponsorId: pm.id,
    departmentId: pm.departmentId,
    estimateSize: 'M' as const,
    createdAt: at,
    updatedAt: at,
  }));
  const ids = await db.insert(items).values(batch).returning({ id: items.id });
  await db.insert(itemModules).values(ids.map((r, i) => ({ itemId: r.id, moduleId: moduleIds[i % 2] })));
}
const { secret } = await createApiToken(pm, { name: 'bench', scopes: ['items:read'], expiresIn: '7' });
const user = (await loadActiveUser(pm.id))!;

let pages = 0;
async function viaV1(): Promise<number> {
  let url: string | null = `http://bench.local/api/v1/items?cycleId=${cycle.id}&limit=200`;
  let count = 0;
  pages = 0;
  while (url) {
    const response = await listItems(new Request(url, { headers: { authorization: `Bearer ${secret}` } }));
    if (response.status !== 200) throw new Error(`v1 answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { data: unknown[]; nextCursor: string | null };
    count += page.data.length;
    pages++;
    url = page.nextCursor
      ? `http://bench.local/api/v1/items?cycleId=${cycle.id}&limit=200&cursor=${page.nextCursor}`
      : null;
  }
  return count;
}

/** What GET /api/cycles/:id/items does once its session is checked: the tuples, as JSON. */
async function viaJsonRoute(): Promise<number> {
  const response = Response.json({ columns: BACKLOG_COLUMNS, items: await listBacklogTuples(user, cycle.id) });
  return ((await response.json()) as { items: unknown[] }).items.length;
}

/** The same rows with the names the REST API sends, by one plain statement, as JSON. */
async function viaSql(): Promise<number> {
  const found = await rows<Record<string, unknown>>(
    `select i.id, i.version, i.title, i.description, i.business_benefit, i.status, i.kind, i.theme_id, t.name as theme_name,
       i.department_id, d.name as department_name, i.requestor_id, r.name as requestor_name, i.sponsor_id,
       s.name as sponsor_name, i.estimate_size, i.estimate_weeks, i.sme, i.created_at, i.updated_at
     from items i left join themes t on t.id = i.theme_id join departments d on d.id = i.department_id
       join users r on r.id = i.requestor_id left join users s on s.id = i.sponsor_id
     where i.cycle_id = ? and i.status <> 'draft' order by i.id`,
    [cycle.id],
  );
  return (JSON.parse(JSON.stringify(found)) as unknown[]).length;
}

async function timed(fn: () => Promise<number>): Promise<number[]> {
  if ((await fn()) !== ITEMS) throw new Error('A reader did not see every item.');
  const out: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const count = await fn();
    out.push(performance.now() - started);
    if (count !== ITEMS) throw new Error(`Read ${count} items, not ${ITEMS}.`);
  }
  return out;
}

const v1Ms = await timed(viaV1);
const jsonRouteMs = await timed(viaJsonRoute);
const baselineMs = await timed(viaSql);
console.log(JSON.stringify({ items: ITEMS, pages, v1Ms, jsonRouteMs, baselineMs }));
process.exit(0);
