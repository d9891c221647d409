import 'server-only';
import { asc, count, eq, inArray } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { changeRequests, scheduleEntries, schedulePeriods, type Cycle, type SchedulePeriod } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { diff, logEvent, type Executor } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { addDays, daysBetween, endOfMonth, formatMonth, workingDays } from './dates';
import { GeneratePeriodsSchema, PeriodSchema, type PeriodKind } from './schema';
import { plural } from '@/lib/plural';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/**
 * A cycle's delivery periods: its months, or 2-week sprints from its first day (the last sprint
 * ends with the cycle, so it may be shorter). The cycle's capacity is split in proportion to each
 * period's working days (Monday to Friday), in tenths of a person-week that add up to the
 * capacity; the pm then edits a period's name and capacity as needed.
 *
 * Periods belong to the schedule, so those who publish it (`schedule.publish`: pm, admin) set them
 * up. Regenerating replaces every period, so it is refused once any item is scheduled in one.
 */

export const SPRINT_DAYS = 14;

export type PlannedPeriod = Pick<SchedulePeriod, 'name' | 'startsOn' | 'endsOn' | 'capacityWeeks' | 'position'>;

/** `total` split by `weights` into tenths (largest remainder), so the parts add up to `total` rounded to a tenth. */
export function splitCapacity(total: number, weights: readonly number[]): number[] {
  const tenths = Math.round(total * 10);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  const exact = weights.map((w) => (sum > 0 ? (tenths * w) / sum : tenths / weights.length));
  const parts = exact.map(Math.floor);
  let left = tenths - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    parts[i]++;
    left--;
  }
  return parts.map((p) => p / 10);
}

/** The periods `kind` gives a cycle. Pure. */
export function planPeriods(
  cycle: Pick<Cycle, 'startsOn' | 'endsOn' | 'capacityWeeks'>,
  kind: PeriodKind,
): PlannedPeriod[] {
  const spans: { name: string; startsOn: string; endsOn: string }[] = [];
  for (let start = cycle.startsOn; start <= cycle.endsOn;) {
    const natural = kind === 'months' ? endOfMonth(start) : addDays(start, SPRINT_DAYS - 1);
    const end = natural < cycle.endsOn ? natural : cycle.endsOn;
    spans.push({
      name: kind === 'months' ? formatMonth(start) : `Sprint ${spans.length + 1}`,
      startsOn: start,
      endsOn: end,
    });
    start = addDays(end, 1);
  }
  // A cycle of weekends only would have no working days: fall back to calendar days.
  const working = spans.map((s) => workingDays(s.startsOn, s.endsOn));
  const weights = working.some((w) => w > 0) ? working : spans.map((s) => daysBetween(s.startsOn, s.endsOn));
  const capacities = splitCapacity(cycle.capacityWeeks, weights);
  return spans.map((s, i) => ({ ...s, capacityWeeks: capacities[i], position: i }));
}

/** Replaces the cycle's periods with its months or sprints (pm, admin); refused while any is in use. */
export async function generatePeriods(actor: ActingUser, cycleId: number, kind: unknown): Promise<SchedulePeriod[]> {
  assertCan(actor, 'schedule.publish');
  const parsed = parseOrThrow(GeneratePeriodsSchema, { kind }).kind;
  return transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    const old = (
      await tx.select({ id: schedulePeriods.id }).from(schedulePeriods).where(eq(schedulePeriods.cycleId, cycleId))
    ).map((p) => p.id);
    if (old.length) {
      const used = first(
        await tx.select({ n: count() }).from(scheduleEntries).where(inArray(scheduleEntries.periodId, old)),
      )!.n;
      if (used > 0) {
        throw new ConflictError(
          `The periods cannot be regenerated: ${plural(used, 'item')} ${used === 1 ? 'is' : 'are'} placed in them. Edit a period's name and capacity instead.`,
        );
      }
      const requested = first(
        await tx.select({ n: count() }).from(changeRequests).where(inArray(changeRequests.incomingPeriodId, old)),
      )!.n;
      if (requested > 0)
        throw new ConflictError('The periods cannot be regenerated: a change request brings an item into one of them.');
      await tx.delete(schedulePeriods).where(eq(schedulePeriods.cycleId, cycleId));
    }
    const planned = planPeriods(cycle, parsed);
    const periods = await tx
      .insert(schedulePeriods)
      .values(planned.map((p) => ({ ...p, cycleId })))
      .returning();
    await logEvent(tx, {
      actorId: actor.id,
      type: 'schedule.periods_generated',
      subjectType: 'cycle',
      subjectId: cycleId,
      data: { kind: parsed, replaced: old.length, periods: planned },
    });
    return periods;
  });
}

/** Renames a period or changes its capacity (pm, admin). Names stay unique within the cycle: publications name periods. */
export async function updatePeriod(actor: ActingUser, periodId: number, input: unknown): Promise<SchedulePeriod> {
  assertCan(actor, 'schedule.publish');
  const fields = parseOrThrow(PeriodSchema, input);
  return transaction(async (tx) => {
    const before = first(await tx.select().from(schedulePeriods).where(eq(schedulePeriods.id, periodId)));
    if (!before) throw new NotFoundError('This period');
    const key = fields.name.toLocaleLowerCase('en');
    const clash = (await periodsOf(tx, before.cycleId)).some(
      (p) => p.id !== periodId && p.name.toLocaleLowerCase('en') === key,
    );
    if (clash) throw new ValidationError({ name: [`Another period of this cycle is called “${fields.name}”.`] });
    const changes = diff(before as Record<string, unknown>, fields);
    if (Object.keys(changes).length === 0) return before;
    const after = (await tx.update(schedulePeriods).set(fields).where(eq(schedulePeriods.id, periodId)).returning())[0];
    await logEvent(tx, {
      actorId: actor.id,
      type: 'schedule.period_updated',
      subjectType: 'cycle',
      subjectId: before.cycleId,
      data: { periodId, changes },
    });
    return after;
  });
}

/** A cycle's periods in order (no permission check: callers authorize first). */
export async function periodsOf(tx: Executor, cycleId: number): Promise<SchedulePeriod[]> {
  return tx
    .select()
    .from(schedulePeriods)
    .where(eq(schedulePeriods.cycleId, cycleId))
    .orderBy(asc(schedulePeriods.position), asc(schedulePeriods.id));
}
