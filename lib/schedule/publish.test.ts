import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { items, schedulePublications, users } from '@/db/schema';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { setAttendees } from '@/lib/meetings/attendees.server';
import { createMeeting } from '@/lib/meetings/meetings.server';
import { meetingInput } from '@/lib/meetings/test-helpers';
import { db, eventsOf, userWithRole } from '@/lib/testing/db';
import { updatePeriod } from './periods.server';
import { NOTHING_SCHEDULED, publishSchedule } from './publish.server';
import { getSchedule } from './schedule.server';
import { moveDelivery, setEntry } from '@/lib/schedule/entries.server';
import { entry, mailOf, notificationsOf, scheduleRowCounts, scheduleSetup } from './test-helpers';

/**
 * The schedule set-up plus the cycle's meeting: facilitated by a second pm, attended by the leader,
 * the sponsor (also a stakeholder) and a deactivated leader. Alpha is in January, Beta in February.
 */
async function planned() {
  const s = await scheduleSetup();
  const facilitator = await userWithRole('pm');
  const former = await userWithRole('leader');
  const meeting = await createMeeting(s.pm, s.cycle.id, meetingInput(facilitator.id));
  await setAttendees(
    s.pm,
    meeting.id,
    [s.leader, s.sponsor, former].map((u) => ({ userId: u.id, role: 'voter' })),
  );
  await db.update(users).set({ active: false }).where(eq(users.id, former.id));
  await setEntry(s.pm, s.alpha.id, entry(s.january.id, s.engineer.id, '2027-01-04'));
  await setEntry(s.pm, s.beta.id, entry(s.february.id, null, null));
  return { ...s, facilitator, former };
}

const published = async (cycleId: number) =>
  db.select().from(schedulePublications).where(eq(schedulePublications.cycleId, cycleId));

describe('publishSchedule', () => {
  it('records the snapshot, announces the first publication once to each stakeholder and attendee, and logs it', async () => {
    const s = await planned();
    const result = await publishSchedule(s.pm, s.cycle.id, new Date('2027-01-02T09:00:00Z'));
    expect(result.summary).toEqual(['First publication: 2 items in 2 periods']);

    const [row] = await published(s.cycle.id);
    expect(row).toMatchObject({
      publishedAt: '2027-01-02T09:00:00.000Z',
      publishedBy: s.pm.id,
      summary: result.summary,
    });
    expect(row.snapshot).toEqual([
      {
        itemId: s.alpha.id,
        title: 'Alpha',
        rank: 'a0',
        status: 'scheduled',
        period: 'January 2027',
        owner: s.engineer.name,
        kickoffOn: '2027-01-04',
      },
      {
        itemId: s.beta.id,
        title: 'Beta',
        rank: 'a1',
        status: 'scheduled',
        period: 'February 2027',
        owner: null,
        kickoffOn: null,
      },
    ]);

    // Requestor and sponsor of the scheduled items, the attendees and the facilitator: once each.
    const told = [s.requestor, s.sponsor, s.leader, s.facilitator];
    expect(result.people).toBe(told.length);
    for (const user of told) {
      const mine = await notificationsOf(user);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        kind: 'schedule.published',
        title: `The ${s.cycle.name} delivery schedule is published`,
        body: 'First publication: 2 items in 2 periods',
        link: `/cycles/${s.cycle.id}/schedule`,
      });
      expect(await mailOf(user)).toHaveLength(1);
    }
    for (const user of [s.pm, s.former, s.engineer, s.other]) expect(await notificationsOf(user)).toEqual([]);

    // The e-mail opens with the reader's own items.
    expect((await mailOf(s.requestor))[0].text).toContain(
      `Your items:\n“Alpha”: January 2027, owner ${s.engineer.name}, kickoff 4 Jan 2027`,
    );
    expect((await mailOf(s.leader))[0].text).not.toContain('Your items');

    const event = (await eventsOf('cycle', s.cycle.id)).find((e) => e.type === 'schedule.published')!;
    expect(event).toMatchObject({
      actorId: s.pm.id,
      data: { publicationId: result.publicationId, items: 2, summary: result.summary },
    });
    expect(event.data.recipientIds).toEqual(told.map((u) => u.id).sort((a, b) => a - b));
    expect((await getSchedule(s.requestor, s.cycle.id)).lastPublication).toEqual({
      at: '2027-01-02T09:00:00.000Z',
      by: s.pm.name,
    });
  });

  it('announces what changed since the last publication, the same lines the page shows beforehand', async () => {
    const s = await planned();
    await publishSchedule(s.pm, s.cycle.id);
    const newcomer = await userWithRole('engineer');
    await setEntry(s.pm, s.alpha.id, entry(s.march.id, newcomer.id, '2027-03-01', 1));
    await moveDelivery(s.pm, s.beta.id, 'in_delivery');
    await setEntry(s.pm, s.gamma.id, entry(s.february.id, s.engineer.id, null));
    await updatePeriod(s.pm, s.february.id, { name: 'Feb', capacityWeeks: '10' });

    const expected = [
      `“Alpha”: moved from January 2027 to March 2027; owner now ${newcomer.name} (was ${s.engineer.name}); kickoff now 1 Mar 2027 (was 4 Jan 2027)`,
      '“Beta”: moved from February 2027 to Feb; delivery started',
      `Added “Gamma”: Feb, owner ${s.engineer.name}, kickoff not set`,
    ];
    expect((await getSchedule(s.pm, s.cycle.id)).unpublishedChanges).toEqual(expected);
    const second = await publishSchedule(s.pm, s.cycle.id);
    expect(second.summary).toEqual(expected);
    // Each item's own news (scheduled, in delivery) reaches its requestor as it happens, besides the announcement.
    const published = (await notificationsOf(s.requestor)).filter((n) => n.kind === 'schedule.published');
    expect(published.map((n) => n.title)).toEqual([
      `The ${s.cycle.name} delivery schedule is published`,
      `The ${s.cycle.name} delivery schedule changed`,
    ]);
    expect(published[1].body).toBe(expected.join('\n'));
    expect(
      (await notificationsOf(s.requestor)).filter((n) => n.kind === 'item.stage_changed').map((n) => n.title),
    ).toEqual(['“Beta” is in delivery', '“Gamma” is scheduled']);
    expect((await getSchedule(s.pm, s.cycle.id)).unpublishedChanges).toEqual([]);
  });

  it('tells the people of an item taken off the schedule, and says it is no longer on it', async () => {
    const s = await planned();
    await publishSchedule(s.pm, s.cycle.id);
    const taker = await userWithRole('requestor');
    await db.update(items).set({ status: 'deferred', requestorId: taker.id }).where(eq(items.id, s.beta.id));
    expect((await publishSchedule(s.pm, s.cycle.id)).summary).toEqual(['“Beta” is no longer on the schedule']);
    expect(await notificationsOf(taker)).toHaveLength(1);
  });

  it('is refused when nothing changed since the last publication, or nothing is scheduled, writing nothing', async () => {
    const s = await scheduleSetup();
    await expect(publishSchedule(s.pm, s.cycle.id)).rejects.toThrow(new ConflictError(NOTHING_SCHEDULED));
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, null, null));
    await publishSchedule(s.pm, s.cycle.id, new Date('2027-01-02T09:00:00Z'));
    const before = await scheduleRowCounts();
    await expect(publishSchedule(s.pm, s.cycle.id)).rejects.toThrow(
      new ConflictError(
        'Nothing has changed since the last publication on 2 Jan 2027: there is nothing new to announce.',
      ),
    );
    expect(await scheduleRowCounts()).toEqual(before);
  });

  it('is for the pm and admin only', async () => {
    const s = await planned();
    for (const user of [s.engineer, s.leader, s.requestor])
      await expect(publishSchedule(user, s.cycle.id)).rejects.toThrow(ForbiddenError);
    expect((await publishSchedule(await userWithRole('admin'), s.cycle.id)).people).toBe(4);
  });
});
