/**
 * Seeds the schedule benchmark's database and measures applying approved change requests (run
 * under --conditions=react-server with DATABASE_URL set): the demo (for the pm's sign-in), plus a
 * cycle with 2,000 scheduled items over 6 periods. Then, 50 times: a change request bringing in a
 * new item and moving one scheduled item later is raised, an asynchronous session is convened and
 * every invited leader assents; only `approveChangeRequest` — the check, the apply in one
 * transaction, the needs-review marking and the notifications — is timed.
 * Prints `{"cycleId":…,"applyMs":[…]}` as its last line.
 */
import { databaseReady, db, transaction } from '../../db/client';
import { seedDemo } from '../../lib/demo/seed.server';
import { approveChangeRequest } from '../../lib/changes/decide.server';
import { raiseChangeRequest } from '../../lib/changes/requests.server';
import { conveneSession, respond } from '../../lib/changes/sessions.server';
import { changeInput, seedScheduledCycle } from '../../lib/changes/test-helpers';
import { emergencySessions } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { first } from '../../db/rows';

// PostgreSQL migrates asynchronously at start: wait for it before writing.
await databaseReady;

const ITEMS = 2000;
const RUNS = 50;

await transaction((tx) => seedDemo(tx));
const s = await seedScheduledCycle(db, { items: ITEMS, periods: 6, leaders: 5 });
const applyMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
  // Each run moves a different item later (from the first period to the last) and brings one in near the top.
  const moved = s.itemIds[run * 7];
  const { changeRequest } = await raiseChangeRequest(
    s.pm,
    s.cycle.id,
    changeInput(s, {
      title: `Urgent fix ${run + 1}`,
      incomingPosition: String(run % 20),
      displaced: [{ itemId: moved, action: 'later', toPeriodId: s.periods.at(-1)!.id }],
    }),
  );
  await conveneSession(s.pm, changeRequest.id, {
    mode: 'async',
    sponsorVeto: false,
    inviteeIds: s.leaders.map((l) => l.id),
  });
  const session = first(
    await db.select().from(emergencySessions).where(eq(emergencySessions.changeRequestId, changeRequest.id)),
  )!;
  for (const leader of s.leaders) await respond(leader, session.id, { response: 'assent', comment: '' });
  const started = performance.now();
  await approveChangeRequest(s.pm, changeRequest.id, {});
  applyMs.push(performance.now() - started);
}
console.log(JSON.stringify({ cycleId: s.cycle.id, applyMs }));
