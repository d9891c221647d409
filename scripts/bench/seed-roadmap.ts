/**
 * Seeds the roadmap benchmark's database (run under --conditions=react-server with DATABASE_URL
 * set): the demo (for the pm's sign-in), then a company's history of 8 quarterly cycles of 500
 * items each — 4,000 items, four themes a cycle — decided in one meeting per cycle (all but the
 * last one published), with three schedule periods a cycle, a published schedule, and a final
 * delivery for every delivered item. Prints `{"items":…}` as its last line.
 */
import { databaseReady, db, transaction } from '../../db/client';
import { seedDemo } from '../../lib/demo/seed.server';
import {
  cycles,
  decisions,
  deliveryRecords,
  items,
  meetings,
  outcomePublications,
  schedulePeriods,
  schedulePublications,
  themes,
  users,
} from '../../db/schema';
import type { ItemStatus, ScheduleSnapshotItem } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { first } from '../../db/rows';

await databaseReady;

const CYCLES = 8;
const PER_CYCLE = 500;
// The mix of a company's backlog after its meetings: past cycles mostly shipped (a few items carried
// over), the current one under way, the next one accepted and not yet scheduled.
const MIX: Record<'past' | 'current' | 'next', ItemStatus[]> = {
  past: [
    'delivered',
    'delivered',
    'delivered',
    'delivered',
    'delivered',
    'delivered',
    'delivered',
    'in_delivery',
    'deferred',
    'rejected',
  ],
  current: [
    'delivered',
    'delivered',
    'in_delivery',
    'scheduled',
    'scheduled',
    'scheduled',
    'accepted',
    'accepted',
    'deferred',
    'rejected',
  ],
  next: [
    'accepted',
    'accepted',
    'accepted',
    'accepted',
    'accepted',
    'accepted',
    'accepted',
    'accepted',
    'deferred',
    'rejected',
  ],
};
const SCHEDULED: ItemStatus[] = ['delivered', 'in_delivery', 'scheduled'];

await transaction((tx) => seedDemo(tx));
const pm = first(await db.select().from(users).where(eq(users.email, 'pm@quorum.test')))!;
const at = new Date().toISOString();
const chunks = <T>(rows: T[], size = 250) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, n) => rows.slice(n * size, (n + 1) * size));
const day = (d: Date) => d.toISOString().slice(0, 10);

let count = 0;
for (let c = 0; c < CYCLES; c++) {
  // Quarters from six quarters ago to next quarter, so every lane has items.
  const start = new Date(
    Date.UTC(new Date().getUTCFullYear(), Math.floor(new Date().getUTCMonth() / 3) * 3 + 3 * (c - 6), 1),
  );
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
  await transaction(async (tx) => {
    const [cycle] = await tx
      .insert(cycles)
      .values({
        name: `Bench ${day(start)}`,
        cadence: 'quarter',
        startsOn: day(start),
        endsOn: day(end),
        capacityWeeks: 120,
        sizeWeeks: { XS: 0.5, S: 1, M: 3, L: 6, XL: 12 },
        status: 'published',
        createdAt: at,
      })
      .returning();
    const themeRows = await tx
      .insert(themes)
      .values(
        ['Growth', 'Retention', 'Platform', 'Compliance'].map((name, position) => ({
          cycleId: cycle.id,
          name,
          keyOutcome: `${name} outcome`,
          position,
        })),
      )
      .returning();
    const periods = await tx
      .insert(schedulePeriods)
      .values(
        [0, 1, 2].map((m) => ({
          cycleId: cycle.id,
          name: `Month ${m + 1}`,
          startsOn: day(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1))),
          endsOn: day(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m + 1, 0))),
          capacityWeeks: 40,
          position: m,
        })),
      )
      .returning();
    const itemRows: (typeof items.$inferInsert)[] = Array.from({ length: PER_CYCLE }, (_, n) => ({
      cycleId: cycle.id,
      themeId: themeRows[n % themeRows.length].id,
      title: `Bench item ${c + 1}.${n + 1}`,
      status: MIX[c < CYCLES - 2 ? 'past' : c === CYCLES - 2 ? 'current' : 'next'][n % 10],
      decisionReason: 'A reason the roadmap never shows',
      rank: `a${String(n).padStart(4, '0')}`,
      requestorId: pm.id,
      departmentId: pm.departmentId,
      createdAt: at,
      updatedAt: at,
    }));
    const inserted: { id: number; title: string; status: ItemStatus }[] = [];
    for (const chunk of chunks(itemRows))
      inserted.push(
        ...(await tx.insert(items).values(chunk).returning({ id: items.id, title: items.title, status: items.status })),
      );
    const meetingOf = async (title: string) =>
      (
        await tx
          .insert(meetings)
          .values({
            cycleId: cycle.id,
            title,
            status: 'closed',
            scheduledAt: at,
            facilitatorId: pm.id,
            questionsCloseAt: at,
            createdAt: at,
          })
          .returning()
      )[0];
    const meeting = await meetingOf(`Prioritisation ${c + 1}`);
    // The current cycle's last 50 items were decided in an emergency session whose outcome is not published.
    const hidden = c === CYCLES - 2 ? await meetingOf(`Emergency session ${c + 1}`) : null;
    for (const chunk of chunks(inserted))
      await tx.insert(decisions).values(
        chunk.map((i) => ({
          meetingId: hidden && inserted.indexOf(i) >= PER_CYCLE - 50 ? hidden.id : meeting.id,
          itemId: i.id,
          outcome:
            i.status === 'rejected'
              ? ('rejected' as const)
              : i.status === 'deferred'
                ? ('deferred' as const)
                : ('accepted' as const),
          reason: 'A reason the roadmap never shows',
          decidedBy: pm.id,
          decidedAt: at,
        })),
      );
    if (c < CYCLES - 1)
      await tx.insert(outcomePublications).values({ meetingId: meeting.id, publishedAt: at, publishedBy: pm.id });
    const snapshot: ScheduleSnapshotItem[] = inserted
      .filter((i) => SCHEDULED.includes(i.status))
      .map((i, n) => ({
        itemId: i.id,
        title: i.title,
        rank: null,
        status: i.status,
        period: periods[n % 3].name,
        owner: null,
        kickoffOn: null,
      }));
    await tx
      .insert(schedulePublications)
      .values({ cycleId: cycle.id, publishedAt: at, publishedBy: pm.id, snapshot, summary: [] });
    const delivered = inserted.filter((i) => i.status === 'delivered');
    for (const chunk of chunks(delivered))
      await tx.insert(deliveryRecords).values(
        chunk.map((i, n) => ({
          itemId: i.id,
          kind: 'final' as const,
          deliveredOn: day(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1 + (n % 85)))),
          links: [],
          recordedBy: pm.id,
          recordedAt: at,
        })),
      );
    count += inserted.length;
  });
}
console.log(JSON.stringify({ items: count }));
process.exit(0);
