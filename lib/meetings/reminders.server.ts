import 'server-only';
import { and, eq, gt, max } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { prereadReads, prereadReminders, prereads } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { loadMeeting } from './access.server';
import { listAttendees, type AttendeeRow } from './attendees.server';
import { assertMeetingEditable, logMeetingEvent } from './guards.server';
import { notifyReminder } from './preread-mail.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/** A person is reminded at most once in this window, however often the pm presses the button. */
export const REMINDER_INTERVAL_MS = 24 * 3_600_000;

export type ReadStatusRow = AttendeeRow & { readAt: string | null; lastRemindedAt: string | null };

async function statusRows(tx: Executor, meetingId: number, prereadId: number | null): Promise<ReadStatusRow[]> {
  const reads = new Map(
    prereadId === null
      ? []
      : (
          await tx
            .select({ userId: prereadReads.userId, readAt: prereadReads.readAt })
            .from(prereadReads)
            .where(eq(prereadReads.prereadId, prereadId))
        ).map((r) => [r.userId, r.readAt]),
  );
  const reminded = new Map(
    prereadId === null
      ? []
      : (
          await tx
            .select({ userId: prereadReminders.userId, at: max(prereadReminders.sentAt) })
            .from(prereadReminders)
            .where(eq(prereadReminders.prereadId, prereadId))
            .groupBy(prereadReminders.userId)
        ).map((r) => [r.userId, r.at]),
  );
  return (await listAttendees(tx, meetingId)).map((a) => ({
    ...a,
    readAt: reads.get(a.userId) ?? null,
    lastRemindedAt: reminded.get(a.userId) ?? null,
  }));
}

/** Each attendee with when they opened the pre-read (or not) and when they were last reminded. */
export async function readStatus(actor: ActingUser, meetingId: number) {
  assertCan(actor, 'meeting.manage');
  await loadMeeting(db, meetingId);
  const preread = first(await db.select({ id: prereads.id }).from(prereads).where(eq(prereads.meetingId, meetingId)));
  const rows = await statusRows(db, meetingId, preread?.id ?? null);
  return { distributed: preread !== undefined, rows, readCount: rows.filter((r) => r.readAt).length };
}
export type ReadStatus = Awaited<ReturnType<typeof readStatus>>;

export type ReminderResult = {
  reminded: { userId: number; name: string }[];
  skipped: { userId: number; name: string; reason: string }[];
};

/**
 * Reminds every attendee who has not opened the pre-read, except those reminded in the last 24
 * hours ("already reminded today") and deactivated people. Records each reminder, so the limit
 * holds across page loads and server restarts.
 */
export async function remindUnread(actor: ActingUser, meetingId: number, now = new Date()): Promise<ReminderResult> {
  assertCan(actor, 'meeting.manage');
  return transaction(async (tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    assertMeetingEditable(meeting);
    const preread = first(await tx.select({ id: prereads.id }).from(prereads).where(eq(prereads.meetingId, meetingId)));
    if (!preread) throw new ConflictError('The pre-read has not been sent yet: distribute it first.');
    const since = new Date(now.getTime() - REMINDER_INTERVAL_MS).toISOString();
    const recent = new Set(
      (
        await tx
          .select({ userId: prereadReminders.userId })
          .from(prereadReminders)
          .where(and(eq(prereadReminders.prereadId, preread.id), gt(prereadReminders.sentAt, since)))
      ).map((r) => r.userId),
    );

    const result: ReminderResult = { reminded: [], skipped: [] };
    for (const row of await statusRows(tx, meetingId, preread.id)) {
      if (row.readAt) continue;
      const who = { userId: row.userId, name: row.name };
      if (!row.active) result.skipped.push({ ...who, reason: 'deactivated' });
      else if (recent.has(row.userId)) result.skipped.push({ ...who, reason: 'already reminded today' });
      else result.reminded.push(who);
    }
    if (result.reminded.length) {
      await tx
        .insert(prereadReminders)
        .values(result.reminded.map((r) => ({ prereadId: preread.id, userId: r.userId, sentAt: now.toISOString() })));
      await notifyReminder(tx, {
        meeting,
        cycleName: (await loadCycle(tx, meeting.cycleId)).name,
        userIds: result.reminded.map((r) => r.userId),
      });
      await logMeetingEvent(tx, actor.id, meeting, 'preread.reminded', {
        prereadId: preread.id,
        userIds: result.reminded.map((r) => r.userId),
      });
    }
    return result;
  });
}

/** The result as one sentence for the page. */
export function reminderMessage(r: ReminderResult): string {
  const names = (list: { name: string }[]) => list.map((p) => p.name).join(', ');
  if (!r.reminded.length && !r.skipped.length) return 'Everyone has read the pre-read: nobody to remind.';
  const parts: string[] = [];
  if (r.reminded.length)
    parts.push(`Reminded ${r.reminded.length} ${r.reminded.length === 1 ? 'person' : 'people'}: ${names(r.reminded)}.`);
  for (const reason of [...new Set(r.skipped.map((s) => s.reason))]) {
    const who = r.skipped.filter((s) => s.reason === reason);
    parts.push(`Not reminded (${reason}): ${names(who)}.`);
  }
  return parts.join(' ');
}
