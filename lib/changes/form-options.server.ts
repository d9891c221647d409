import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { cycles, departments, items, schedulePeriods, users, type ItemStatus } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { currentPeriod, hasEnded, today } from '@/lib/schedule/current-period';
import type { PreviewPeriod } from './preview';
import { loadCurrentSchedule } from './schedule-read.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * What the change request pages offer to choose from: the raise form's schedule (the order its
 * "Position" and "Change for …" fields are built from), periods and deferred items; the convene
 * form's leaders. Read here so pages never touch db/, with the same permission checks as the
 * actions the forms lead to (a requestor gets 403 on the raise page, not an empty form).
 */

export type RaiseFormOptions = {
  cycle: { id: number; name: string; status: string; capacityWeeks: number };
  /** The schedule in rank order, as previewChangeRequest reads it. */
  schedule: { id: number; title: string; status: ItemStatus; weeks: number | null; periodId: number | null }[];
  /** `ended`: its last day has passed (still offered, never the default). */
  periods: (PreviewPeriod & { ended: boolean })[];
  /** The period a new request targets unless the raiser chooses another: the current one (never an ended one). */
  defaultPeriodId: number | null;
  /** Deferred items of any cycle: what may come in instead of a new item. */
  deferred: { id: number; title: string; cycleName: string | null }[];
};

export async function raiseFormOptions(
  actor: ActingUser,
  cycleId: number,
  now = new Date(),
): Promise<RaiseFormOptions> {
  assertCan(actor, 'change.raise');
  const { cycle, periods, items: scheduled } = await loadCurrentSchedule(db, cycleId);
  const day = today(now);
  const dates = await db
    .select({ id: schedulePeriods.id, startsOn: schedulePeriods.startsOn, endsOn: schedulePeriods.endsOn })
    .from(schedulePeriods)
    .where(eq(schedulePeriods.cycleId, cycleId));
  const ended = new Set(dates.filter((p) => hasEnded(p, day)).map((p) => p.id));
  const deferred = await db
    .select({ id: items.id, title: items.title, cycleName: cycles.name })
    .from(items)
    .leftJoin(cycles, eq(cycles.id, items.cycleId))
    .where(eq(items.status, 'deferred'))
    .orderBy(asc(items.title), asc(items.id));
  return {
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status, capacityWeeks: cycle.capacityWeeks },
    schedule: scheduled.map(({ id, title, status, weeks, periodId }) => ({ id, title, status, weeks, periodId })),
    periods: periods.map((p) => ({ ...p, ended: ended.has(p.id) })),
    defaultPeriodId: currentPeriod(dates, day)?.id ?? null,
    deferred,
  };
}

export type LeaderOption = { id: number; name: string; departmentName: string };

/** Active leaders, the people a pm may invite to an emergency session. */
export async function sessionLeaderOptions(actor: ActingUser): Promise<LeaderOption[]> {
  assertCan(actor, 'change.decide');
  return db
    .select({ id: users.id, name: users.name, departmentName: departments.name })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(users.role, 'leader'), eq(users.active, true)))
    .orderBy(asc(departments.name), asc(users.name));
}
