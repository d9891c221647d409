/**
 * Seeds the live-meeting benchmark's database (run under --conditions=react-server, with DATABASE_URL set to a
 * fresh file; importing db/client runs the migrations): the demo (its pm facilitates), plus a cycle with a few
 * curated items, a scheduled meeting with them on its agenda, ACCEPTED accepted items in the same cycle (what
 * the leaders rank in the everyone-ranks round), LISTENERS observers (who follow the live stream) and VOTERS
 * voting attendees, leaders (who cast the votes and submit their own orders). Every bench user has the demo password, hashed once with
 * lib/auth's scrypt parameters and stored for all of them (hashing 200+ times would only cost time).
 * Prints `{"meetingId":…,"facilitator":"…","password":"…","listeners":[…],"voters":[…],"acceptedItemIds":[…]}`
 * as its last line.
 *
 *   DATABASE_URL=/tmp/x.sqlite BENCH_LISTENERS=200 BENCH_VOTERS=6 npx tsx --conditions=react-server scripts/bench/seed-meeting.ts
 */
import { closeDatabase, databaseReady, db, transaction } from '../../db/client';
import { makeCycle, makeItem, makeTheme, SIZE_LIST } from '../../db/factories';
import { seedDemo, DEMO_PASSWORD } from '../../lib/demo/seed.server';
import { agendaItems, meetingAttendees, meetings, users } from '../../db/schema';
import { hashPassword } from '../../lib/auth/password.server';

// PostgreSQL migrates asynchronously at start: wait for it before writing.
await databaseReady;

const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 200);
const VOTERS = Number(process.env.BENCH_VOTERS ?? 6);
const ITEMS = 5;
const ACCEPTED = 8;

const { people } = await transaction((tx) => seedDemo(tx));
const pm = people.get('pm@quorum.test')!;
const departments = [...new Set([...people.values()].map((p) => p.departmentId))];
const cycle = await makeCycle(db, {
  name: 'Bench live 2027-Q3',
  startsOn: '2027-07-05',
  endsOn: '2027-09-24',
  capacityWeeks: 100,
});
const theme = await makeTheme(db, cycle.id, { name: 'Live bench', keyOutcome: 'Votes reach everyone at once' });
const passwordHash = await hashPassword(DEMO_PASSWORD);
const createdAt = new Date().toISOString();

const { listeners, voters, itemIds, acceptedItemIds } = await transaction(async (tx) => {
  const addUsers = async (prefix: string, count: number, role: 'leader' | 'engineer') =>
    tx
      .insert(users)
      .values(
        Array.from({ length: count }, (_, i) => ({
          name: `Bench ${prefix} ${i + 1}`,
          email: `bench.${prefix}${i + 1}@quorum.test`,
          role,
          departmentId: departments[i % departments.length],
          active: true,
          passwordHash,
          createdAt,
        })),
      )
      .returning();
  const ids: number[] = [];
  for (let i = 0; i < ITEMS; i++)
    ids.push(
      (
        await makeItem(tx, {
          cycleId: cycle.id,
          themeId: theme.id,
          title: `Live bench item ${i + 1}`,
          description: 'An item voted on during the benchmark.',
          businessBenefit: 'Measures how fast a vote reaches the room.',
          estimateSize: SIZE_LIST[i % 5],
          sme: 'Someone who knows',
          requestorId: pm.id,
          departmentId: pm.departmentId,
          status: 'curated',
        })
      ).id,
    );
  const accepted: number[] = [];
  for (let i = 0; i < ACCEPTED; i++)
    accepted.push(
      (
        await makeItem(tx, {
          cycleId: cycle.id,
          themeId: theme.id,
          title: `Accepted bench item ${i + 1}`,
          description: 'An item the leaders put in their own order during the benchmark.',
          businessBenefit: 'Measures the everyone-ranks traffic beside the votes.',
          estimateSize: SIZE_LIST[i % 5],
          sme: 'Someone who knows',
          requestorId: pm.id,
          departmentId: pm.departmentId,
          status: 'accepted',
        })
      ).id,
    );
  return {
    listeners: await addUsers('listener', LISTENERS, 'engineer'),
    voters: await addUsers('voter', VOTERS, 'leader'),
    itemIds: ids,
    acceptedItemIds: accepted,
  };
});

const scheduledAt = new Date(Date.now() + 86_400_000);
const meeting = (
  await db
    .insert(meetings)
    .values({
      cycleId: cycle.id,
      title: 'Bench live meeting',
      scheduledAt: scheduledAt.toISOString(),
      durationMinutes: 120,
      facilitatorId: pm.id,
      questionsCloseAt: new Date(scheduledAt.getTime() - 3_600_000).toISOString(),
      createdAt,
    })
    .returning()
)[0];
await db
  .insert(meetingAttendees)
  .values([
    ...listeners.map((u) => ({ meetingId: meeting.id, userId: u.id, role: 'observer' as const })),
    ...voters.map((u) => ({ meetingId: meeting.id, userId: u.id, role: 'voter' as const })),
  ]);
await db.insert(agendaItems).values(itemIds.map((itemId, position) => ({ meetingId: meeting.id, itemId, position })));
await closeDatabase();
console.log(
  JSON.stringify({
    meetingId: meeting.id,
    facilitator: pm.email,
    password: DEMO_PASSWORD,
    listeners: listeners.map((u) => u.email),
    voters: voters.map((u) => u.email),
    acceptedItemIds,
  }),
);
