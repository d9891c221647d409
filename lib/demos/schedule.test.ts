import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoInvitees, demoItems, demos, events, items, users } from '@/db/schema';
import { first } from '@/db/rows';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { db, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { defaultInviteeIds } from './invitees.server';
import { demoFormOptions } from './read.server';
import { cancelDemo, scheduleDemo, updateDemo } from './schedule.server';
import {
  DAY,
  NOW,
  STARTS,
  demoInput,
  demoRowCounts,
  demoSetup,
  mailOf,
  notificationsOf,
  type DemoSetup,
} from './test-helpers';

let s: DemoSetup;
beforeEach(async () => {
  s = await demoSetup();
});

const invitation = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    method: calendar.getFirstPropertyValue('method'),
    event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!),
  };
};

describe('scheduleDemo', () => {
  it('stores the instant and the zone, the items in order and the invitees, and logs it', async () => {
    const demo = await scheduleDemo(s.pm, s.cycle.id, demoInput(s, { startsAt: '2027-02-10T15:00:00+01:00' }), NOW);
    expect(demo).toMatchObject({ startsAt: STARTS, timeZone: 'Europe/Berlin', durationMinutes: 45, icsSequence: 0 });
    // Seven days after the demo ends.
    expect(demo.feedbackClosesAt).toBe(new Date(Date.parse(STARTS) + 45 * 60_000 + 7 * DAY).toISOString());
    const shown = await db.select().from(demoItems).where(eq(demoItems.demoId, demo.id));
    expect(shown.sort((a, b) => a.position - b.position).map((i) => i.itemId)).toEqual([s.alpha.id, s.beta.id]);
    const invited = await db.select().from(demoInvitees).where(eq(demoInvitees.demoId, demo.id));
    expect(invited.map((i) => i.userId).sort()).toEqual([s.requestor.id, s.sponsor.id, s.coRequestor.id].sort());
    const logged = await db.select().from(events).where(eq(events.subjectId, demo.id));
    expect(logged.filter((e) => e.subjectType === 'demo').map((e) => e.type)).toEqual(['demo.scheduled']);
  });

  it('sends each invitee a notification and an e-mail with a REQUEST invitation in UTC', async () => {
    const demo = await scheduleDemo(s.pm, s.cycle.id, demoInput(s), NOW);
    expect((await notificationsOf(s.sponsor)).map((n) => n.kind)).toEqual(['demo.invited']);
    const [mail] = await mailOf(s.requestor);
    expect(mail.subject).toContain('Invitation: Sprint 4 demo');
    // The requestor chose no zone: the words say UTC, and that the organiser planned in Berlin.
    expect(mail.text).toContain('14:00 UTC');
    expect(mail.text).toContain('planned in Europe/Berlin');
    expect(mail.ics).toMatch(/\r\nDTSTART:20270210T140000Z\r\n/);
    const { method, event } = invitation(mail.ics!);
    expect(method).toBe('REQUEST');
    expect(event.uid).toBe(`demo-${demo.id}@quorum`);
    expect(event.sequence).toBe(0);
    expect(event.startDate.toUnixTime() * 1000).toBe(Date.parse(STARTS));
    expect(event.attendees).toHaveLength(3);
    expect(await mailOf(s.outsider)).toEqual([]);
  });

  it('refuses items of another cycle, items not scheduled yet and no items, writing nothing', async () => {
    const before = await demoRowCounts();
    const foreign = await validationErrorOf(() =>
      scheduleDemo(s.pm, s.cycle.id, demoInput(s, { itemIds: [String(s.alpha.id), String(s.foreign.id)] }), NOW),
    );
    expect(foreign.fieldErrors.itemIds).toEqual([`Item #${s.foreign.id} is not in this cycle.`]);
    const unscheduled = await validationErrorOf(() =>
      scheduleDemo(s.pm, s.cycle.id, demoInput(s, { itemIds: String(s.accepted.id) }), NOW),
    );
    expect(unscheduled.fieldErrors.itemIds[0]).toContain('"Accepted" is not scheduled yet');
    const none = await validationErrorOf(() => scheduleDemo(s.pm, s.cycle.id, demoInput(s, { itemIds: [] }), NOW));
    expect(none.fieldErrors.itemIds).toEqual(['Choose at least one item to show.']);
    expect(await demoRowCounts()).toEqual(before);
  });

  it('keeps the feedback window between 0 and 60 days, defaulting to 7, and the demo in the future', async () => {
    for (const days of ['-1', '61', '2.5', 'seven']) {
      const error = await validationErrorOf(() =>
        scheduleDemo(s.pm, s.cycle.id, demoInput(s, { feedbackDays: days }), NOW),
      );
      expect(error.fieldErrors.feedbackDays?.[0]).toMatch(/Feedback window must be/);
    }
    const past = await validationErrorOf(() =>
      scheduleDemo(s.pm, s.cycle.id, demoInput(s, { startsAt: '2027-01-01T10:00:00Z' }), NOW),
    );
    expect(past.fieldErrors.startsAt).toEqual(['The demo date must be in the future.']);
    const zone = await validationErrorOf(() =>
      scheduleDemo(s.pm, s.cycle.id, demoInput(s, { timeZone: 'Mars/Olympus' }), NOW),
    );
    expect(zone.fieldErrors.timeZone).toEqual(['Choose a known time zone.']);
    const zero = await scheduleDemo(s.pm, s.cycle.id, demoInput(s, { feedbackDays: '0' }), NOW);
    expect(zero.feedbackClosesAt).toBe(new Date(Date.parse(STARTS) + 45 * 60_000).toISOString());
    const fallback = await scheduleDemo(s.pm, s.cycle.id, demoInput(s, { feedbackDays: '' }), NOW);
    expect(Date.parse(fallback.feedbackClosesAt) - Date.parse(zero.feedbackClosesAt)).toBe(7 * DAY);
  });

  it('is for pms, admins and engineers only', async () => {
    await expect(scheduleDemo(s.sponsor, s.cycle.id, demoInput(s), NOW)).rejects.toThrow(ForbiddenError);
    await expect(scheduleDemo(s.requestor, s.cycle.id, demoInput(s), NOW)).rejects.toThrow(ForbiddenError);
    await expect(scheduleDemo(s.engineer, s.cycle.id, demoInput(s), NOW)).resolves.toMatchObject({
      createdBy: s.engineer.id,
    });
  });
});

describe('the invite list defaults', () => {
  it('are the requestors, sponsors and co-people of the items, each once, active only', async () => {
    expect((await defaultInviteeIds(db, [s.alpha.id, s.beta.id])).sort()).toEqual(
      [s.requestor.id, s.sponsor.id, s.coRequestor.id].sort(),
    );
    expect(await defaultInviteeIds(db, [s.beta.id])).toHaveLength(2);
    const options = await demoFormOptions(s.pm, s.cycle.id);
    expect(options.items.map((i) => i.title)).toEqual(['Alpha', 'Beta']);
    expect(options.items.find((i) => i.id === s.alpha.id)!.people.sort()).toEqual(
      [s.requestor.id, s.sponsor.id].sort(),
    );
    const gone = await userWithRole('leader', { departmentId: s.requestor.departmentId });
    await db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    await db.update(items).set({ sponsorId: gone.id }).where(eq(items.id, s.beta.id));
    expect(await defaultInviteeIds(db, [s.beta.id])).not.toContain(gone.id);
  });
});

describe('changing and cancelling', () => {
  it('raises SEQUENCE, re-invites those still invited and cancels for those taken off', async () => {
    const demo = await scheduleDemo(s.pm, s.cycle.id, demoInput(s), NOW);
    const later = '2027-02-11T14:00:00.000Z';
    const inviteeIds = [String(s.requestor.id), String(s.outsider.id)];
    const after = await updateDemo(s.pm, demo.id, demoInput(s, { startsAt: later, inviteeIds }), NOW);
    expect(after.icsSequence).toBe(1);
    const last = async (u: { id: number }) => (await mailOf(u)).sort((a, b) => b.id - a.id)[0];
    const kept = invitation((await last(s.requestor)).ics!);
    expect([kept.method, kept.event.sequence, kept.event.startDate.toUnixTime() * 1000]).toEqual([
      'REQUEST',
      1,
      Date.parse(later),
    ]);
    expect(invitation((await last(s.outsider)).ics!).method).toBe('REQUEST');
    const removed = invitation((await last(s.sponsor)).ics!);
    expect([removed.method, removed.event.sequence, removed.event.uid]).toEqual([
      'CANCEL',
      1,
      `demo-${demo.id}@quorum`,
    ]);

    const cancelled = await cancelDemo(s.pm, demo.id, NOW);
    expect(cancelled.cancelledAt).toBe(NOW.toISOString());
    const gone = invitation((await last(s.requestor)).ics!);
    expect([gone.method, gone.event.sequence]).toEqual(['CANCEL', 2]);
    await expect(cancelDemo(s.pm, demo.id, NOW)).rejects.toThrow(ConflictError);
    expect(first(await db.select().from(demos).where(eq(demos.id, demo.id)))!.icsSequence).toBe(2);
  });
});
