/**
 * Where a vote's time goes on the server, stage by stage, in one process (no HTTP, no Next): the same seeded
 * meeting as scripts/bench/meeting.ts (200 observers, 6 voters), then VOTES votes, each timed through
 *   session    the server-side session check and the user's row (lib/auth: checkSession + loadActiveUser);
 *   jwt        decoding the session cookie, and encoding it again (what next-auth's auth() does per request);
 *   vote       the vote's transaction: checks, the upsert, the hash-chained event (runLiveCommand);
 *   state      the whole projected state for the voter (liveState: what POST …/live answered a vote with);
 *   body       that state as JSON, gzipped (the answer's bytes);
 *   stream     what the stream hub does once per vote, however many follow: read the new event, project, format.
 * Prints median and p95 per stage in ms. `npm run build` is not needed.
 *
 *   npx tsx --conditions=react-server scripts/bench/vote-path.ts      (VOTES=200 by default)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { root, runChild, table, tsxArgs } from './lib';

const VOTES = Number(process.env.VOTES ?? 200);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-vote-path-'));
const dbFile = path.join(tmp, 'vote-path.sqlite');
process.env.DATABASE_URL = dbFile;
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString('base64url');
process.env.APP_URL ??= 'http://localhost:3000';
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

const seeded = JSON.parse(
  (
    await runChild(
      'seed-meeting',
      ['--conditions=react-server', ...tsxArgs, path.join(root, 'scripts/bench/seed-meeting.ts')],
      {
        ...process.env,
        BENCH_LISTENERS: '200',
        BENCH_VOTERS: '6',
      },
    )
  )
    .trim()
    .split('\n')
    .at(-1)!,
) as { meetingId: number; facilitator: string; voters: string[] };

const { db, closeDatabase } = await import('../../db/client');
const { users } = await import('../../db/schema');
const { eq } = await import('drizzle-orm');
const { loadActiveUser } = await import('../../lib/auth/active-user.server');
const { checkSession, startSession } = await import('../../lib/auth/user-sessions.server');
const { runLiveCommand } = await import('../../lib/live-meeting/commands.server');
const { liveState } = await import('../../lib/live-meeting/state.server');
const { eventsSince, projectForViewer } = await import('../../lib/realtime/replay.server');
const { formatMessage } = await import('../../lib/realtime/hub.server');
const { encode, decode } = await import('next-auth/jwt');

const userByEmail = async (email: string) => {
  const row = (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0];
  return (await loadActiveUser(row.id))!;
};
const meetingId = seeded.meetingId;
const pm = await userByEmail(seeded.facilitator);
const voters = await Promise.all(seeded.voters.map(userByEmail));
const started = await runLiveCommand(pm, meetingId, {
  action: 'start',
  votesVisibility: 'live',
  weighted: false,
  confirm: ['no_preread', 'early'],
});
void started;
const itemId = (await liveState(pm, meetingId)).meeting.currentItemId!;
const sessions = await Promise.all(voters.map((v) => startSession(v.id)));
const salt = 'authjs.session-token';
const secret = process.env.AUTH_SECRET!;
const tokens = await Promise.all(
  voters.map((v, i) => encode({ token: { uid: v.id, sid: sessions[i], name: v.name, email: v.email }, secret, salt })),
);

const stages = ['session', 'jwt', 'vote', 'state', 'body', 'stream'] as const;
const times = Object.fromEntries(stages.map((s) => [s, [] as number[]])) as Record<(typeof stages)[number], number[]>;
let bodyBytes = 0;
const timed = async <T>(stage: (typeof stages)[number], fn: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  const value = await fn();
  times[stage].push(performance.now() - t);
  return value;
};

for (let k = 0; k < VOTES + 10; k++) {
  const i = k % voters.length;
  const voter = voters[i];
  await timed('session', async () => (await checkSession(sessions[i])).ok && (await loadActiveUser(voter.id)));
  await timed('jwt', async () => {
    const payload = await decode({ token: tokens[i], secret, salt });
    return encode({ token: payload!, secret, salt });
  });
  const ack = await timed('vote', () =>
    runLiveCommand(voter, meetingId, { action: 'vote', itemId, choice: k % 2 ? 'accept' : 'reject', comment: `v${k}` }),
  );
  const state = await timed('state', () => liveState(voter, meetingId));
  bodyBytes = await timed('body', () => zlib.gzipSync(JSON.stringify(state)).length);
  await timed('stream', async () => {
    const batch = await eventsSince({ type: 'meeting', id: meetingId }, ack!.eventId - 1, 500);
    return batch.map((e) => formatMessage(e.id, JSON.stringify(projectForViewer(e, new Set()))));
  });
  if (k === 9) for (const s of stages) times[s].length = 0; // warm-up
}
await closeDatabase();

const pct = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 100) / 100;
};
console.log(`\nA vote's server-side stages, ${VOTES} votes, 206 attendees, SQLite (ms):\n`);
console.log(
  table(
    ['stage', 'p50', 'p95'],
    stages.map((s) => [s, pct(times[s], 50), pct(times[s], 95)]),
  ),
);
const old = ['session', 'jwt', 'vote', 'state', 'body'] as const;
const sum = (keys: readonly (typeof stages)[number][]) =>
  Math.round(keys.reduce((a, s) => a + pct(times[s], 50), 0) * 100) / 100;
console.log(
  `\nThe answer's body: ${bodyBytes} bytes gzipped. Per vote, before (session + jwt + vote + state + body): ` +
    `${sum(old)} ms; with the ack (session + vote): ${sum(['session', 'vote'])} ms.`,
);
