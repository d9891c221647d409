import { makeCycle, makeItem, makeMeeting, makeSchedulePeriod, makeTheme, type TestUser } from '@/db/factories';
import type { ItemStatus } from '@/db/schema';
import { decisions, deliveryRecords, outcomePublications, schedulePublications } from '@/db/schema';
import { db, userWithRole } from '@/lib/testing/db';

/** "Today" in the fixture: mid-November 2026, inside the current cycle's first period. */
export const FIXTURE_TODAY = '2026-11-15';
export const SECRET_REASON = 'Confidential: the board said no budget';

let n = 0;

/** A final delivery (or an undone one) of an item, as the delivery pages record it. */
export async function recordDelivery(itemId: number, by: TestUser, deliveredOn: string, undone = false) {
  const at = new Date().toISOString();
  await db.insert(deliveryRecords).values({
    itemId,
    kind: 'final',
    deliveredOn,
    links: [],
    recordedBy: by.id,
    recordedAt: at,
    undoneAt: undone ? at : null,
    undoneBy: undone ? by.id : null,
  });
}

/**
 * Two cycles: the current one (Q4 2026, periods November and December, schedule published) and the
 * next (Q1 2027). The current cycle's meeting is published and decided: shipped (delivered on 3
 * November; a later delivery was undone), building (in delivery), planned (scheduled in December),
 * started (accepted, no period), parked (deferred) and refused (rejected). Next quarter's meeting
 * is published too (upcoming, accepted); a second meeting of the current cycle decided `secret`
 * (accepted) but is not published. Every decision carries SECRET_REASON.
 */
export async function roadmapFixture() {
  n += 1;
  const pm = await userWithRole('pm');
  const requestor = await userWithRole('requestor');
  const current = await makeCycle(db, { name: `Q4 ${n} ${Date.now()}`, startsOn: '2026-10-01', endsOn: '2026-12-31' });
  const next = await makeCycle(db, { name: `Q1 ${n} ${Date.now()}`, startsOn: '2027-01-01', endsOn: '2027-03-31' });
  const growth = await makeTheme(db, current.id, { name: 'Growth' });
  const platform = await makeTheme(db, next.id, { name: 'Platform' });
  const item = (cycleId: number, themeId: number, title: string, status: ItemStatus, rank: string) =>
    makeItem(db, {
      cycleId,
      themeId,
      title,
      status,
      rank,
      decisionReason: SECRET_REASON,
      requestorId: requestor.id,
      departmentId: requestor.departmentId,
    });
  const shipped = await item(current.id, growth.id, 'Shipped export', 'delivered', 'a0');
  const building = await item(current.id, growth.id, 'Building search', 'in_delivery', 'a1');
  const planned = await item(current.id, growth.id, 'Planned invoices', 'scheduled', 'a2');
  const started = await item(current.id, growth.id, 'Started reports', 'accepted', 'a3');
  const parked = await item(current.id, growth.id, 'Parked mobile app', 'deferred', 'a4');
  const refused = await item(current.id, growth.id, 'Refused fax', 'rejected', 'a5');
  const secret = await item(current.id, growth.id, 'Secret acquisition', 'accepted', 'a6');
  const upcoming = await item(next.id, platform.id, 'Upcoming SSO', 'accepted', 'a0');

  const decide = async (cycleId: number, list: { id: number; status: ItemStatus }[], publish: boolean) => {
    const meeting = await makeMeeting(db, { cycleId, facilitatorId: pm.id });
    const at = new Date().toISOString();
    for (const i of list) {
      const outcome = i.status === 'rejected' ? 'rejected' : i.status === 'deferred' ? 'deferred' : 'accepted';
      await db.insert(decisions).values({
        meetingId: meeting.id,
        itemId: i.id,
        outcome,
        reason: SECRET_REASON,
        decidedBy: pm.id,
        decidedAt: at,
      });
    }
    if (publish)
      await db.insert(outcomePublications).values({ meetingId: meeting.id, publishedAt: at, publishedBy: pm.id });
    return meeting;
  };
  await decide(current.id, [shipped, building, planned, started, parked, refused], true);
  await decide(next.id, [upcoming], true);
  const hiddenMeeting = await decide(current.id, [secret], false);

  const november = await makeSchedulePeriod(db, current.id, {
    name: 'November',
    startsOn: '2026-11-01',
    endsOn: '2026-11-30',
  });
  const december = await makeSchedulePeriod(db, current.id, {
    name: 'December',
    startsOn: '2026-12-01',
    endsOn: '2026-12-31',
  });
  const snap = (i: { id: number; title: string; status: string }, period: string) => ({
    itemId: i.id,
    title: i.title,
    rank: null,
    status: i.status,
    period,
    owner: null,
    kickoffOn: null,
  });
  await db.insert(schedulePublications).values({
    cycleId: current.id,
    publishedAt: new Date().toISOString(),
    publishedBy: pm.id,
    snapshot: [snap(shipped, 'November'), snap(building, 'November'), snap(planned, 'December')],
    summary: [],
  });
  await recordDelivery(shipped.id, pm, '2026-11-03');
  await recordDelivery(shipped.id, pm, '2026-11-20', true);
  return {
    hiddenMeeting,
    pm,
    requestor,
    current,
    next,
    growth,
    platform,
    november,
    december,
    items: { shipped, building, planned, started, parked, refused, secret, upcoming },
  };
}
