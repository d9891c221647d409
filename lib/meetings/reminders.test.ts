import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notifications, outbox, prereadReads, prereads, users } from '@/db/schema';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { db } from '@/lib/testing/db';
import { distributePreread } from './distribute.server';
import { readStatus, reminderMessage, remindUnread } from './reminders.server';
import { plannedMeeting } from './test-helpers';
import { first } from '@/db/rows';

const HOUR = 3_600_000;
const remindersOf = async (userId: number) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'preread.reminder')));

async function distributed() {
  const setup = await plannedMeeting();
  await distributePreread(setup.pm, setup.meeting.id, {});
  const preread = first(await db.select().from(prereads).where(eq(prereads.meetingId, setup.meeting.id)))!;
  return { ...setup, preread };
}

describe('readStatus', () => {
  it('lists each attendee with their read time and last reminder', async () => {
    const { pm, leaders, meeting, preread } = await distributed();
    await db
      .insert(prereadReads)
      .values({ prereadId: preread.id, userId: leaders[0].id, readAt: '2027-01-01T10:00:00.000Z' });
    const t0 = new Date();
    await remindUnread(pm, meeting.id, t0);
    const status = await readStatus(pm, meeting.id);
    expect(status.distributed).toBe(true);
    expect(status.readCount).toBe(1);
    const byId = new Map(status.rows.map((r) => [r.userId, r]));
    expect(byId.get(leaders[0].id)).toMatchObject({ readAt: '2027-01-01T10:00:00.000Z', lastRemindedAt: null });
    expect(byId.get(leaders[1].id)).toMatchObject({ readAt: null, lastRemindedAt: t0.toISOString() });
    await expect(readStatus(leaders[0], meeting.id)).rejects.toThrow(ForbiddenError);
  });
});

describe('remindUnread', () => {
  it('reminds those who have not read it, at most once a day each', async () => {
    const { pm, leaders, meeting, preread } = await distributed();
    await db
      .insert(prereadReads)
      .values({ prereadId: preread.id, userId: leaders[0].id, readAt: new Date().toISOString() });
    const t0 = new Date();

    const first = await remindUnread(pm, meeting.id, t0);
    expect(first.reminded.map((r) => r.userId)).toEqual([leaders[1].id]);
    expect(first.skipped).toEqual([]);
    expect(await remindersOf(leaders[1].id)).toHaveLength(1);
    expect(await remindersOf(leaders[0].id)).toHaveLength(0);
    const mail = (await db.select().from(outbox).where(eq(outbox.toUserId, leaders[1].id))).at(-1)!;
    expect(mail.subject).toMatch(/Reminder: read the pre-read for Q1 prioritisation$/);
    expect(mail.text).toContain(`/meetings/${meeting.id}/preread`);

    const again = await remindUnread(pm, meeting.id, new Date(t0.getTime() + 23 * HOUR));
    expect(again.reminded).toEqual([]);
    expect(again.skipped).toEqual([{ userId: leaders[1].id, name: leaders[1].name, reason: 'already reminded today' }]);
    expect(reminderMessage(again)).toBe(`Not reminded (already reminded today): ${leaders[1].name}.`);
    expect(await remindersOf(leaders[1].id)).toHaveLength(1);

    const nextDay = await remindUnread(pm, meeting.id, new Date(t0.getTime() + 25 * HOUR));
    expect(nextDay.reminded.map((r) => r.userId)).toEqual([leaders[1].id]);
    expect(reminderMessage(nextDay)).toBe(`Reminded 1 person: ${leaders[1].name}.`);
    expect(await remindersOf(leaders[1].id)).toHaveLength(2);
  });

  it('skips deactivated attendees and says when everyone has read it', async () => {
    const { pm, leaders, meeting, preread } = await distributed();
    await db.update(users).set({ active: false }).where(eq(users.id, leaders[1].id));
    expect((await remindUnread(pm, meeting.id)).skipped).toEqual([
      { userId: leaders[1].id, name: leaders[1].name, reason: 'deactivated' },
    ]);
    for (const l of leaders)
      await db.insert(prereadReads).values({ prereadId: preread.id, userId: l.id, readAt: new Date().toISOString() });
    expect(reminderMessage(await remindUnread(pm, meeting.id))).toBe(
      'Everyone has read the pre-read: nobody to remind.',
    );
  });

  it('is refused before distribution and to leaders', async () => {
    const { pm, leaders, meeting } = await plannedMeeting();
    await expect(remindUnread(pm, meeting.id)).rejects.toThrow(ConflictError);
    await expect(remindUnread(leaders[0], meeting.id)).rejects.toThrow(ForbiddenError);
  });
});
