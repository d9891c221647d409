import { createWorld, expect, openTestDatabase, test, type Person } from './fixtures';
import { startOwnServer, type OwnServer } from './own-server';
import { ACTION_ROWS } from './authz/matrix-actions';
import { API_ROWS } from './authz/matrix-api';
import { PAGE_ROWS } from './authz/matrix-pages';
import { Client, signInOverHttp, type Answer } from './authz/http';
import type { Call, Row } from './authz/rows';
import { EVERYONE, type Scene, type Who } from './authz/scene';
import { allTargets } from './authz/targets';
import { PASSWORD } from './fixtures/world';
import type { Role } from '../db/schema';

/**
 * The authorization matrix (e2e/authz/matrix-*.ts) run through completely against the running
 * server: every page, API route and method, and server action, for nobody signed in and for each
 * role, in each ownership case its row names. Every cell stands on records made for it alone, on
 * a server of the file's own: the thousands of people and records it makes stay out of the shared
 * server's pickers and lists. The server trusts X-Forwarded-For, so each test signs in from a
 * client address of its own and the one failed sign-in a cell makes throttles nobody else.
 */
const ROWS: Row[] = [...PAGE_ROWS, ...API_ROWS, ...ACTION_ROWS];
const CELLS = ROWS.length * EVERYONE.length;
/** Rows whose call ends the caller's session: each of their cells signs in a person of its own. */
const ENDS_SESSION = new Set(['action signOutAction', 'action signOutEverywhereAction']);

test('every page, API route and server action has a row in the matrix', () => {
  const targets = allTargets();
  const covered = new Set(ROWS.map((r) => r.target));
  expect(
    targets.filter((t) => !covered.has(t)),
    'targets without a row',
  ).toEqual([]);
  expect(
    [...covered].filter((t) => !targets.includes(t)),
    'rows for targets that do not exist',
  ).toEqual([]);
  console.log(
    `Authorization matrix: ${CELLS} cells (${ROWS.length} rows × ${EVERYONE.length} kinds of person) over ${targets.length} targets.`,
  );
  expect(CELLS).toBeGreaterThanOrEqual(612);
});

let server: OwnServer;
let connection: Awaited<ReturnType<typeof openTestDatabase>>;
test.beforeAll(async () => {
  server = await startOwnServer({ demo: false, env: { TRUST_PROXY: '1' } });
  connection = openTestDatabase(server.databasePath);
});
test.afterAll(async () => {
  await connection?.close();
  await server?.stop();
});

const CHUNK = 12;
for (let from = 0; from < ROWS.length; from += CHUNK) {
  const rows = ROWS.slice(from, from + CHUNK);
  test(`matrix rows ${from + 1}–${from + rows.length}: ${rows[0].target} … ${rows.at(-1)!.target}`, async ({
    passwordHash,
  }) => {
    test.setTimeout(180_000);
    const base = server.baseURL;
    const { db } = connection;
    const world = createWorld(db, passwordHash);
    const client = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const signIn = async (person: Person) => signInOverHttp(base, person.email, PASSWORD, client);
    const roles: Role[] = ['admin', 'pm', 'leader', 'engineer', 'requestor'];
    const actors = {} as Record<Role, { person: Person; client: Client }>;
    for (const role of roles) {
      const person = await world.person(role);
      actors[role] = { person, client: await signIn(person) };
    }
    const mismatches: string[] = [];
    let cells = 0;
    for (const row of rows) {
      for (const who of EVERYONE) {
        const cellWorld = createWorld(db, passwordHash);
        let me: Person | null = who === 'anonymous' ? null : actors[who].person;
        let caller = who === 'anonymous' ? new Client(base) : actors[who].client;
        if (who !== 'anonymous' && ENDS_SESSION.has(row.target)) {
          me = await cellWorld.person(who, { name: 'Leaving soon' });
          caller = await signIn(me);
        }
        const scene: Scene = { world: cellWorld, who, me, pm: actors.pm.person, pmClient: actors.pm.client };
        let answer: Answer;
        try {
          answer = await send(caller, await row.call(scene));
        } catch (error) {
          answer = { kind: 'error', status: 0, message: `arranging failed: ${(error as Error).message}` };
        }
        cells += 1;
        if (answer.kind !== row.expect[who])
          mismatches.push(
            `${row.target} [${row.case}] as ${who}: expected ${row.expect[who]}, got ${answer.kind} (HTTP ${answer.status}${answer.location ? ` → ${answer.location}` : ''}${answer.message ? `: ${answer.message}` : ''})`,
          );
        await cellWorld.retire();
      }
    }
    console.log(
      `Matrix rows ${from + 1}–${from + rows.length}: ${cells} cells run, ${cells - mismatches.length} as expected.`,
    );
    expect(mismatches, 'cells whose answer differs from the matrix').toEqual([]);
    expect(cells).toBe(rows.length * EVERYONE.length);
  });
}

function send(caller: Client, call: Call): Promise<Answer> {
  if ('page' in call) return caller.get(call.page);
  if ('api' in call) return call.api === 'GET' ? caller.get(call.url) : caller.api(call.api, call.url, call.body);
  return caller.action(call.action, call.fields, call.from);
}

export type { Who };
