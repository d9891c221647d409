import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { departments, meetingAttendees, themes, users } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import type { AttendanceDepartment, OutcomeDecision, RankedOutcomeItem, ThemeOutcome } from './types';

/** Each theme of the cycle in its order, then "No theme" if anything has none. */
export async function themeOutcomes(
  tx: Executor,
  cycleId: number,
  ranked: RankedOutcomeItem[],
  decided: OutcomeDecision[],
  themeOf: (itemId: number) => number | null,
): Promise<ThemeOutcome[]> {
  const rows = await tx
    .select({ id: themes.id, name: themes.name, keyOutcome: themes.keyOutcome })
    .from(themes)
    .where(eq(themes.cycleId, cycleId))
    .orderBy(asc(themes.position), asc(themes.id));
  const group = (id: number | null, name: string, keyOutcome: string): ThemeOutcome => ({
    id,
    name,
    keyOutcome,
    accepted: ranked.filter((r) => themeOf(r.itemId) === id),
    rejected: decided.filter((d) => d.themeId === id && d.outcome === 'rejected'),
    deferred: decided.filter((d) => d.themeId === id && d.outcome === 'deferred'),
  });
  const out = rows.map((t) => group(t.id, t.name, t.keyOutcome));
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
