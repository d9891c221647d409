import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from '@/db/alias';
import { departments, items, meetingAttendees, themes, users, type SizeWeeks } from '@/db/schema';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import type { Executor } from '@/lib/events/log.server';
import { formatMetric } from '@/lib/cycles/theme-metric';
import type { AttendanceDepartment, OutcomeDecision, RankedOutcomeItem, ThemeOutcome, UndecidedItem } from './types';

const sponsors = alias(users, 'sponsors');

/** What the report says of each item: title, theme, estimate and its people. */
export async function itemsInfo(tx: Executor, ids: number[]) {
  const rows =
    ids.length === 0
      ? []
      : await tx
          .select({
            id: items.id,
            title: items.title,
            themeId: items.themeId,
            theme: themes.name,
            kind: items.kind,
            estimateSize: items.estimateSize,
            estimateWeeks: items.estimateWeeks,
            requestor: users.name,
            department: departments.name,
            sponsor: sponsors.name,
            sponsorSuggestion: items.sponsorSuggestion,
          })
          .from(items)
          .leftJoin(themes, eq(themes.id, items.themeId))
          .innerJoin(users, eq(users.id, items.requestorId))
          .innerJoin(departments, eq(departments.id, items.departmentId))
          .leftJoin(sponsors, eq(sponsors.id, items.sponsorId))
          .where(inArray(items.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
type ItemInfo = Awaited<ReturnType<typeof itemsInfo>> extends Map<number, infer T> ? T : never;

/** Who asked, from which department, and who backs it: the sponsor's name, else what the requestor suggested. */
export function peopleOf(item: ItemInfo | undefined): Pick<OutcomeDecision, 'requestor' | 'department' | 'sponsor'> {
  return {
    requestor: item?.requestor ?? '',
    department: item?.department ?? '',
    sponsor: item?.sponsor ?? item?.sponsorSuggestion ?? '',
  };
}

export function undecidedItem(itemId: number, item: ItemInfo | undefined, sizeWeeks: SizeWeeks): UndecidedItem {
  return {
    itemId,
    title: item?.title ?? '',
    theme: item?.theme ?? null,
    weeks: item ? effectiveWeeks(item, sizeWeeks) : null,
    ...peopleOf(item),
  };
}

/** Each theme of the cycle in its order, then "No theme" if anything has none. */
export async function themeOutcomes(
  tx: Executor,
  cycleId: number,
  ranked: RankedOutcomeItem[],
  decided: OutcomeDecision[],
  themeOf: (itemId: number) => number | null,
): Promise<ThemeOutcome[]> {
  const rows = await tx
    .select({
      id: themes.id,
      name: themes.name,
      keyOutcome: themes.keyOutcome,
      metricName: themes.metricName,
      metricUnit: themes.metricUnit,
      metricBaseline: themes.metricBaseline,
      metricTarget: themes.metricTarget,
    })
    .from(themes)
    .where(eq(themes.cycleId, cycleId))
    .orderBy(asc(themes.position), asc(themes.id));
  const group = (id: number | null, name: string, keyOutcome: string, metric: string | null = null): ThemeOutcome => ({
    id,
    name,
    keyOutcome,
    metric,
    accepted: ranked.filter((r) => themeOf(r.itemId) === id),
    rejected: decided.filter((d) => d.themeId === id && d.outcome === 'rejected'),
    deferred: decided.filter((d) => d.themeId === id && d.outcome === 'deferred'),
  });
  const out = rows.map((t) => group(t.id, t.name, t.keyOutcome, formatMetric(t)));
  const none = group(null, 'No theme', '');
  if (none.accepted.length + none.rejected.length + none.deferred.length > 0) out.push(none);
  return out;
}

export async function attendanceOf(
  tx: Executor,
  meetingId: number,
  votedIds: Set<number>,
): Promise<AttendanceDepartment[]> {
  const rows = await tx
    .select({ userId: users.id, name: users.name, departmentName: departments.name, role: meetingAttendees.role })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(departments.name), asc(users.name), asc(users.id));
  const out: AttendanceDepartment[] = [];
  for (const r of rows) {
    let dept = out.at(-1);
    if (dept?.departmentName !== r.departmentName)
      out.push((dept = { departmentName: r.departmentName, attendees: [], voted: 0 }));
    const voted = votedIds.has(r.userId);
    dept.attendees.push({ name: r.name, role: r.role, voted });
    if (voted) dept.voted++;
  }
  return out;
}
