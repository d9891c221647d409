import { rows } from '@/db/client';
import { transaction } from '@/db/client';
import type { Db } from '@/db/client';
import { makeCycle, makeDepartment, makeUser } from '@/db/factories';
import { items, scheduleEntries, schedulePeriods, type Cycle, type SchedulePeriod } from '@/db/schema';
import { initialKeys } from '@/lib/ranking/fractional-index';
import type { TestUser } from '@/db/factories';

/**
 * A cycle with a delivery schedule, for the change request tests and the apply benchmark (N = 2,000):
 * periods, N scheduled items in rank order (fractional-index keys) spread evenly over the periods,
 * each with its entry, a pm, leaders (who sponsor the items in turn) and a requestor. The items are
 * inserted in bulk in one transaction; no vitest import, so a benchmark script can use it on its own
 * database connection.
 */

export type ScheduledCycle = {
  cycle: Cycle;
  periods: SchedulePeriod[];
  /** The scheduled items' ids, top of the order first. */
  itemIds: number[];
  pm: TestUser;
  leaders: TestUser[];
  requestor: TestUser;
  departmentId: number;
};

const day = (offset: number) => new Date(Date.UTC(2027, 0, 1 + offset)).toISOString().slice(0, 10);

/** Chunks stay well under SQLite's limit on bound parameters per statement. */
const CHUNK = 400;

export async function seedScheduledCycle(
  db: Db,
  opts: {
    items?: number;
    periods?: number;
    leaders?: number;
    capacityWeeks?: number;
    periodCapacityWeeks?: number;
    weeks?: (index: number) => number;
  } = {},
): Promise<ScheduledCycle> {
  const n = opts.items ?? 6;
  const periodCount = opts.periods ?? 3;
  const department = await makeDepartment(db);
  const pm = await makeUser(db, { role: 'pm', departmentId: department.id });
  const requestor = await makeUser(db, { role: 'requestor', departmentId: department.id });
  const leaders: TestUser[] = [];
  for (let i = 0; i < (opts.leaders ?? 3); i++)
    leaders.push(await makeUser(db, { role: 'leader', departmentId: (await makeDepartment(db)).id }));
  const weeks = opts.weeks ?? ((i: number) => 1 + (i % 3));
  const keys = initialKeys(n);
  const at = new Date().toISOString();

  return transaction(async (tx) => {
    const cycle = await makeCycle(tx as unknown as Db, {
      capacityWeeks: opts.capacityWeeks ?? n * 2,
      status: 'published',
    });
    const periods =
      periodCount === 0
        ? []
        : await tx
            .insert(schedulePeriods)
            .values(
              Array.from({ length: periodCount }, (_, i) => ({
                cycleId: cycle.id,
                name: `Sprint ${i + 1}`,
                startsOn: day(i * 14),
                endsOn: day(i * 14 + 13),
                capacityWeeks: opts.periodCapacityWeeks ?? Math.ceil((n * 2) / periodCount),
                position: i,
              })),
            )
            .returning();
    periods.sort((x, y) => x.position - y.position);
    const itemIds: number[] = [];
    for (let start = 0; start < n; start += CHUNK) {
      const rows = Array.from({ length: Math.min(CHUNK, n - start) }, (_, j) => {
        const i = start + j;
        return {
          cycleId: cycle.id,
          title: `Scheduled item ${i + 1}`,
          estimateWeeks: weeks(i),
          requestorId: requestor.id,
          departmentId: department.id,
          sponsorId: leaders.length ? leaders[i % leaders.length].id : null,
          status: 'scheduled' as const,
          rank: keys[i],
          createdAt: at,
          updatedAt: at,
        };
      });
      const ids = (await tx.insert(items).values(rows).returning({ id: items.id })).map((r) => r.id);
      await tx.insert(scheduleEntries).values(
        ids.map((itemId, j) => ({
          itemId,
          periodId: periods.length ? periods[Math.floor(((start + j) * periods.length) / n)].id : null,
        })),
      );
      itemIds.push(...ids);
    }
    return { cycle, periods, itemIds, pm, leaders, requestor, departmentId: department.id };
  });
}

/**
 * A raise form for a new incoming item; `over` replaces any field. On the default cycle its two
 * weeks take Sprint 1 over capacity (5 of 4), so it confirms that; tests of the confirmation unset it.
 */
export function changeInput(s: ScheduledCycle, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Fix the card payment outage',
    description: 'Card payments fail for some banks.',
    businessBenefit: 'Revenue',
    estimate: '2',
    kind: 'fix',
    whyNow: 'Five per cent of card payments fail since Monday.',
    urgency: 'critical',
    incomingPosition: '1',
    incomingPeriodId: String(s.periods[0].id),
    displaced: [],
    confirmOverCapacity: 'on',
    ...over,
  };
}

const SNAPSHOT_TABLES = [
  'items',
  'schedule_entries',
  'change_requests',
  'emergency_sessions',
  'session_invitees',
  'session_responses',
  'events',
  'notifications',
  'outbox',
] as const;

/** Every row of the tables a change request touches, to assert that a refused or failed call changed nothing. */
export async function snapshotRows(): Promise<Record<(typeof SNAPSHOT_TABLES)[number], unknown[]>> {
  const snapshot: [string, unknown[]][] = [];
  // Sorted here, not by the database: not every table has an id, and row order is not the point.
  for (const t of SNAPSHOT_TABLES)
    snapshot.push([t, (await rows<unknown>(`select * from ${t}`)).map((r) => JSON.stringify(r)).sort()]);
  return Object.fromEntries(snapshot) as Record<(typeof SNAPSHOT_TABLES)[number], unknown[]>;
}
