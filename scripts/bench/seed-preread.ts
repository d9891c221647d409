/**
 * Seeds the pre-read benchmark's database (run under --conditions=react-server): the demo, plus a
 * cycle with 200 curated items and a meeting 30 days out with those items on its agenda and 60
 * voting attendees. Prints `{"meetingId":…,"reader":"…"}` as its last line.
 */
import { closeDatabase, databaseReady, db, transaction } from '../../db/client';
import { makeCycle, makeItem, makeTheme, makeUser, SIZE_LIST } from '../../db/factories';
import { seedDemo, DEMO_PASSWORD } from '../../lib/demo/seed.server';
import { agendaItems, meetingAttendees, meetings } from '../../db/schema';
import { hashPassword } from '../../lib/auth/password.server';

// PostgreSQL migrates asynchronously at start: wait for it before writing.
await databaseReady;

const ITEMS = 200;
const ATTENDEES = 60;

const { people } = await transaction((tx) => seedDemo(tx));
const pm = people.get('pm@quorum.test')!;
const cycle = await makeCycle(db, {
  name: 'Bench 2027-Q2',
  startsOn: '2027-04-05',
  endsOn: '2027-06-25',
  capacityWeeks: 400,
});
const themes = await Promise.all(
  ['Growth', 'Enterprise', 'Reliability', 'Insight'].map((name) =>
    makeTheme(db, cycle.id, { name, keyOutcome: `${name} moves` }),
  ),
);
const departments = [...new Set([...people.values()].map((p) => p.departmentId))];

const attendees: Awaited<ReturnType<typeof makeUser>>[] = [];
const passwordHash = await hashPassword(DEMO_PASSWORD);
for (let i = 0; i < ATTENDEES; i++) {
  // Only the first reader needs a password (scrypt is deliberately slow).
  attendees.push(
    await makeUser(db, {
      role: 'leader',
      name: `Bench Leader ${i + 1}`,
      email: `bench.leader${i + 1}@quorum.test`,
      departmentId: departments[i % departments.length],
      passwordHash: i === 0 ? passwordHash : undefined,
    }),
  );
}
const itemIds = await transaction(async (tx) => {
  const ids: number[] = [];
  for (let i = 0; i < ITEMS; i++)
    ids.push(
      (
        await makeItem(tx, {
          cycleId: cycle.id,
          themeId: themes[i % themes.length].id,
          title: `Bench item ${i + 1}: a change that matters`,
          description: 'A high-level description of the change. '.repeat(6),
          businessBenefit: 'Why it pays off for the business. '.repeat(4),
          estimateSize: SIZE_LIST[i % 5],
          sme: 'Someone who knows',
          sponsorId: attendees[i % ATTENDEES].id,
          requestorId: pm.id,
          departmentId: departments[i % departments.length],
          status: 'curated',
        })
      ).id,
    );
  return ids;
});

const scheduledAt = new Date(Date.now() + 30 * 86_400_000);
const meeting = (
  await db
    .insert(meetings)
    .values({
      cycleId: cycle.id,
      title: 'Bench prioritisation',
      scheduledAt: scheduledAt.toISOString(),
      durationMinutes: 120,
      facilitatorId: pm.id,
      questionsCloseAt: new Date(scheduledAt.getTime() - 86_400_000).toISOString(),
      createdAt: new Date().toISOString(),
    })
    .returning()
)[0];
await db
  .insert(meetingAttendees)
  .values(attendees.map((a) => ({ meetingId: meeting.id, userId: a.id, role: 'voter' as const })));
await db.insert(agendaItems).values(itemIds.map((itemId, position) => ({ meetingId: meeting.id, itemId, position })));
await closeDatabase();
console.log(JSON.stringify({ meetingId: meeting.id, reader: attendees[0].email }));
