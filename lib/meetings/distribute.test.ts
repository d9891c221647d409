import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cycles, items as itemsTable, notifications, outbox, prereads } from '@/db/schema';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { setSetting } from '@/lib/settings/settings.server';
import { db, eventsOf, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { setAgenda } from './agenda.server';
import { setAttendees } from './attendees.server';
import { distributePreread } from './distribute.server';
import { DAY, meetingRowCounts, plannedMeeting } from './test-helpers';
import { first } from '@/db/rows';
import { inOrder } from '@/lib/testing/in-order';

const prereadOf = async (meetingId: number) =>
  first(await db.select().from(prereads).where(eq(prereads.meetingId, meetingId)));

describe('distributePreread', () => {
  it('freezes the agenda, moves the cycle to preread and sends one notification and one e-mail per attendee', async () => {
    const { pm, leaders, cycle, items, meeting } = await plannedMeeting({ daysAhead: 14 });
    const before = await meetingRowCounts();
    const result = await distributePreread(pm, meeting.id, {});
    expect(result).toMatchObject({ late: false, items: 2 });
    const after = await meetingRowCounts();
    expect([
      after.prereads - before.prereads,
      after.notifications - before.notifications,
      after.outbox - before.outbox,
    ]).toEqual([1, 2, 2]);

    const preread = (await prereadOf(meeting.id))!;
    expect(preread.late).toBe(false);
    expect(preread.snapshot.items.map((i) => [i.id, i.title, i.estimate, i.effectiveWeeks])).toEqual(
      items.map((i) => [i.id, i.title, 'M', 3]),
    );
    expect(preread.snapshot.cycle).toEqual({ id: cycle.id, name: cycle.name, capacityWeeks: 20 });
    expect(preread.snapshot.themes.map((t) => t.name)).toEqual(['Growth', 'Reliability']);
    expect(preread.snapshot.meeting).toMatchObject({
      title: 'Q1 prioritisation',
      location: 'Room 4',
      facilitator: pm.name,
    });

    expect(first(await db.select().from(cycles).where(eq(cycles.id, cycle.id)))!.status).toBe('preread');
    expect((await eventsOf('cycle', cycle.id)).map((e) => e.type)).toEqual(['cycle.status_changed']);
    expect((await eventsOf('meeting', meeting.id)).map((e) => e.type)).toContain('preread.distributed');

    const notes = (await db.select().from(notifications).where(eq(notifications.kind, 'preread.distributed'))).filter(
      (n) => n.link === `/meetings/${meeting.id}/preread`,
    );
    expect(notes.map((n) => n.userId).sort()).toEqual(leaders.map((l) => l.id).sort());
    const mails = (await db.select().from(outbox)).filter(
      (m) => m.subject.includes('Pre-read: Q1 prioritisation') && leaders.some((l) => l.id === m.toUserId),
    );
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.subject).toBe(`[Quorum · ${cycle.name}] Pre-read: Q1 prioritisation`);
      expect(mail.text).toMatch(/When: \w+day \d{1,2} \w+ \d{4}, \d{2}:\d{2} UTC \(1 h 30 min\)/);
      expect(mail.text).toContain('Agenda: 2 items, 6 of 20 person-weeks of capacity.');
      expect(mail.text).toMatch(/Questions close: .* UTC/);
      expect(mail.text).toContain(`/meetings/${meeting.id}/preread`);
      expect(mail.text).not.toContain('(sent late)');
      expect(mail.html).toContain('Open the pre-read');
      expect(mail.ics).toContain('METHOD:REQUEST');
      expect(mail.ics).toContain(`UID:meeting-${meeting.id}@quorum`);
    }
  });

  it('refuses a late distribution without confirmation, naming how late, and marks a confirmed one late', async () => {
    const { pm, meeting } = await plannedMeeting({ daysAhead: 3 });
    const before = await meetingRowCounts();
    const error = await validationErrorOf(() => distributePreread(pm, meeting.id, { confirmLate: false }));
    expect(error.message).toBe('The meeting is in 3 days, less than the 7-day lead time. Confirm to send it late.');
    expect(error.fieldErrors.confirmLate).toEqual([error.message]);
    expect(await meetingRowCounts()).toEqual(before);

    await distributePreread(pm, meeting.id, { confirmLate: 'on' });
    expect((await prereadOf(meeting.id))!.late).toBe(true);
    const mail = (await db.select().from(outbox)).find(
      (m) => m.subject.endsWith('Pre-read: Q1 prioritisation') && m.text.includes(`/meetings/${meeting.id}/`),
    )!;
    expect(mail.text).toContain('The pre-read went out 3 days before the meeting (sent late).');
  });

  it('uses the lead-time setting', async () => {
    const { pm, meeting } = await plannedMeeting({ daysAhead: 3.5 });
    await setSetting(db, 'prereadLeadDays', 2);
    try {
      expect((await distributePreread(pm, meeting.id, {})).late).toBe(false);
    } finally {
      await setSetting(db, 'prereadLeadDays', 7);
    }
  });

  it('states hours when the meeting is less than a day away', async () => {
    const { pm, meeting } = await plannedMeeting({ daysAhead: 0.3 });
    expect((await validationErrorOf(() => distributePreread(pm, meeting.id, {}))).message).toBe(
      'The meeting is in 7 hours, less than the 7-day lead time. Confirm to send it late.',
    );
  });

  it('refuses a second distribution', async () => {
    const { pm, meeting } = await plannedMeeting();
    await distributePreread(pm, meeting.id, {});
    const before = await meetingRowCounts();
    await expect(distributePreread(pm, meeting.id, {})).rejects.toThrow(
      /^The pre-read was already sent on \w+day .* UTC; send an update instead\.$/,
    );
    await expect(distributePreread(pm, meeting.id, {})).rejects.toThrow(ConflictError);
    expect(await meetingRowCounts()).toEqual(before);
  });

  it.each([
    ['an empty agenda', { items: 0 }, 'Add at least one item to the agenda before distributing.'],
    ['no attendees', { attendees: false }, 'Add at least one attendee before distributing.'],
  ])('refuses %s and writes nothing', async (_label, opts, message) => {
    const { pm, meeting } = await plannedMeeting(opts);
    const before = await meetingRowCounts();
    expect((await validationErrorOf(() => distributePreread(pm, meeting.id, { confirmLate: true }))).message).toBe(
      message,
    );
    expect(await meetingRowCounts()).toEqual(before);
  });

  it('refuses a meeting in the past and writes nothing', async () => {
    const { pm, meeting } = await plannedMeeting();
    const before = await meetingRowCounts();
    const later = new Date(Date.parse(meeting.scheduledAt) + DAY);
    expect(
      (await validationErrorOf(() => distributePreread(pm, meeting.id, { confirmLate: true }, later))).message,
    ).toMatch(/already started/);
    expect(await meetingRowCounts()).toEqual(before);
  });

  it('refuses an agenda item that is no longer curated', async () => {
    const { pm, meeting, items } = await plannedMeeting();
    await db.update(itemsTable).set({ status: 'withdrawn' }).where(eq(itemsTable.id, items[0].id));
    expect((await validationErrorOf(() => distributePreread(pm, meeting.id, {}))).message).toBe(
      '"Agenda item 1" is withdrawn; take it off the agenda first.',
    );
    await setAgenda(pm, meeting.id, [items[1].id]);
    expect((await distributePreread(pm, meeting.id, {})).items).toBe(1);
  });

  it('is refused to leaders', async () => {
    const { leaders, meeting } = await plannedMeeting();
    await expect(distributePreread(leaders[0], meeting.id, {})).rejects.toThrow(ForbiddenError);
  });

  it('sends the pre-read to attendees added after distribution, and only to them', async () => {
    const { pm, leaders, meeting } = await plannedMeeting();
    await distributePreread(pm, meeting.id, {});
    const late = await userWithRole('leader');
    const count = async (userId: number) =>
      (await db.select().from(notifications).where(eq(notifications.userId, userId))).filter(
        (n) => n.kind === 'preread.distributed',
      ).length;
    await setAttendees(
      pm,
      meeting.id,
      [...leaders, late].map((l) => ({ userId: l.id, role: 'voter' })),
    );
    expect(await count(late.id)).toBe(1);
    expect(await inOrder(leaders, async (l) => count(l.id))).toEqual([1, 1]);
    expect((await db.select().from(outbox).where(eq(outbox.toUserId, late.id)))[0].ics).toContain(
      `mailto:${late.email}`,
    );
  });
});
