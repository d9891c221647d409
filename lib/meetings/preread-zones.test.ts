import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { meetings, notifications, outbox, users } from '@/db/schema';
import { first } from '@/db/rows';
import { db } from '@/lib/testing/db';
import { distributePreread } from './distribute.server';
import { formatMeetingTime } from './format';
import { plannedMeeting } from './test-helpers';

describe('times in pre-read messages', () => {
  it('are in each recipient’s chosen zone, or UTC when they chose none; the invitation stays UTC', async () => {
    const { pm, leaders, meeting } = await plannedMeeting();
    await db.update(users).set({ timeZone: 'Asia/Tokyo' }).where(eq(users.id, leaders[0].id));
    await distributePreread(pm, meeting.id, {});
    const row = first(await db.select().from(meetings).where(eq(meetings.id, meeting.id)))!;
    const mailTo = async (userId: number) => first(await db.select().from(outbox).where(eq(outbox.toUserId, userId)))!;
    const inTokyo = formatMeetingTime(row.scheduledAt, 'Asia/Tokyo');
    const inUtc = formatMeetingTime(row.scheduledAt, 'UTC');
    expect(inTokyo).toMatch(/Asia\/Tokyo$/);

    const tokyoMail = await mailTo(leaders[0].id);
    expect(tokyoMail.text).toContain(`When: ${inTokyo}`);
    expect(tokyoMail.text).toContain(`Questions close: ${formatMeetingTime(row.questionsCloseAt, 'Asia/Tokyo')}`);
    expect(tokyoMail.text).not.toContain(' UTC');
    expect(tokyoMail.ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);

    const utcMail = await mailTo(leaders[1].id);
    expect(utcMail.text).toContain(`When: ${inUtc}`);

    const inApp = first(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, leaders[0].id), eq(notifications.kind, 'preread.distributed'))),
    )!;
    expect(inApp.body.startsWith(inTokyo)).toBe(true);
  });
});
