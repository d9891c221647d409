import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { createWorld, expect, openTestDatabase, test, type Person } from './fixtures';
import { ACTION_ROWS } from './authz/matrix-actions';
import { API_ROWS } from './authz/matrix-api';
import { PAGE_ROWS } from './authz/matrix-pages';
import { Client, signInOverHttp, type Answer } from './authz/http';
import type { Call, Row } from './authz/rows';
import type { Scene } from './authz/scene';
import { allTargets } from './authz/targets';
import { BAD_INPUT_TARGETS } from './bad-input/targets';
import { formMutations, jsonMutations, pathMutations, type Mutation } from './bad-input/mutations';
import { PASSWORD } from './fixtures/world';
import { startOwnServer, type OwnServer } from './own-server';
import type { Role } from '../db/schema';

/**
 * Bad input over every server action and API route, generated (e2e/bad-input/): each case must be
 * refused — a 4xx with a message for the API; for an action, its form message, or the 403/404 page
 * — and must write nothing: every table but the sign-in sessions is compared before and after. It
 * runs on a server of its own, so no other test's writes blur the comparison.
 */
const ROWS: Row[] = [...PAGE_ROWS, ...API_ROWS, ...ACTION_ROWS];
/** Public endpoints with no input of Quorum's own: liveness, and next-auth's handlers (its own parsing). */
const NO_INPUT = new Set(['GET /api/health', 'GET /api/auth/[...nextauth]', 'POST /api/auth/[...nextauth]']);
const ONE_MEGABYTE_AND_MORE = 'x'.repeat(1_100_000);

let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer({ demo: false });
});
test.afterAll(async () => server?.stop());

test('every server action and API route has its bad input', () => {
  const covered = new Set(BAD_INPUT_TARGETS.map((t) => t.target));
  const wanted = allTargets().filter((t) => !t.startsWith('page ') && !NO_INPUT.has(t));
  expect(
    wanted.filter((t) => !covered.has(t)),
    'targets without bad input',
  ).toEqual([]);
});

test('bad input is refused with a message and writes nothing', async ({ passwordHash }) => {
  test.setTimeout(600_000);
  const connection = openTestDatabase(server.databasePath);
  const world = createWorld(connection.db, passwordHash);
  const { sqlite } = connection;
  const base = server.baseURL;
  const actors = {} as Record<Role, { person: Person; client: Client }>;
  for (const role of ['admin', 'pm', 'leader', 'engineer', 'requestor'] as const) {
    const person = await world.person(role);
    actors[role] = { person, client: await signInOverHttp(base, person.email, PASSWORD, '10.88.0.1') };
  }

  let tried = 0;
  const findings: string[] = [];
  for (const spec of BAD_INPUT_TARGETS) {
    const row = ROWS.find((r) => r.target === spec.target && r.case === spec.from);
    if (!row) throw new Error(`No matrix row "${spec.target}" [${spec.from}] to start the bad input from.`);
    const actor = actors[spec.as];
    const scene: Scene = {
      world: createWorld(connection.db, passwordHash),
      who: spec.as,
      me: actor.person,
      pm: actors.pm.person,
      pmClient: actors.pm.client,
    };
    const valid = await row.call(scene);
    // As a person would, the actor has the form's page open before submitting it (opening some pages
    // is itself recorded, e.g. reading a pre-read, and must not count as the bad input's write).
    if ('action' in valid) await actor.client.get(valid.from);
    const before = snapshot(sqlite);
    let seenVersion = dataVersion(sqlite);
    for (const mutation of mutationsOf(valid, spec.kinds)) {
      tried += 1;
      const answer = await send(actor.client, mutation.call);
      const problem = judge(answer, mutation.call);
      // Hashing every table after every case is most of this test's time; when no other connection has
      // committed anything since the last look, nothing can differ, and the hashing is skipped.
      const version = dataVersion(sqlite);
      const after = version === seenVersion ? before : snapshot(sqlite);
      seenVersion = version;
      const written = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (problem || written.length) {
        findings.push(
          `${spec.target} — ${mutation.label}: ${problem ?? 'refused'}${written.length ? `; wrote to ${written.join(', ')}` : ''} (${answer.kind}, HTTP ${answer.status}${answer.message ? `: ${answer.message.slice(0, 160)}` : ''})`,
        );
        Object.assign(before, after);
      }
    }
  }
  await connection.close();
  console.log(
    `Bad input: ${tried} cases tried over ${BAD_INPUT_TARGETS.length} targets, ${tried - findings.length} held.`,
  );
  expect(findings, 'bad input that was not refused, or that wrote something').toEqual([]);
  expect(tried).toBeGreaterThanOrEqual(500);
});

function mutationsOf(valid: Call, kinds: Record<string, FieldKindOf>): Mutation[] {
  if ('action' in valid)
    return [
      ...formMutations(valid, kinds),
      { label: 'a body over 1 MB', call: { ...valid, fields: { ...valid.fields, padding: ONE_MEGABYTE_AND_MORE } } },
    ];
  if ('api' in valid && valid.api !== 'GET') return [...jsonMutations(valid, kinds), ...pathMutations(valid)];
  return pathMutations('api' in valid ? { page: valid.url } : valid);
}
type FieldKindOf = Parameters<typeof formMutations>[1][string];

function send(caller: Client, call: Call): Promise<Answer> {
  if ('page' in call) return caller.get(call.page);
  if ('api' in call) return call.api === 'GET' ? caller.get(call.url) : caller.api(call.api, call.url, call.body);
  return caller.action(call.action, call.fields, call.from);
}

/** Null when the answer is a proper refusal; otherwise what is wrong with it. */
function judge(answer: Answer, call: Call): string | null {
  if (answer.kind === 'ok') return 'accepted';
  if (answer.kind === 'error') return `server error ${answer.status}`;
  if (answer.kind === 'signin') return 'sent to sign in';
  const api = !('action' in call);
  if (api && (answer.status < 400 || answer.status >= 500)) return `HTTP ${answer.status}, not a 4xx`;
  if (answer.kind === 'refused' && !answer.message) return 'refused without a message';
  return null;
}

/** Changes whenever another connection (the server's) commits to the database file. */
function dataVersion(sqlite: Database.Database): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}

/** Each table's rows, hashed: the sign-in sessions change on their own (last seen), so they are left out. */
function snapshot(sqlite: Database.Database): Record<string, string> {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('user_sessions', 'login_attempts', '__drizzle_migrations')",
    )
    .all() as { name: string }[];
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const hash = crypto.createHash('sha1');
    for (const row of sqlite.prepare(`SELECT * FROM "${name}"`).iterate()) hash.update(JSON.stringify(row));
    out[name] = hash.digest('hex');
  }
  return out;
}
