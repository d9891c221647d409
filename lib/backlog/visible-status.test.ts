import { beforeAll, describe, expect, it } from 'vitest';
import { followUpAll } from '@/lib/live-meeting/test-ending';
import { eq } from 'drizzle-orm';
import { makeCycle, makeItem, makeScheduleEntry, makeSchedulePeriod, type TestUser } from '@/db/factories';
import { items, meetingAttendees } from '@/db/schema';
import { db, userWithRole } from '@/lib/testing/db';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { endMeeting, startMeeting } from '@/lib/live-meeting/session.server';
import { recordDecision } from '@/lib/live-meeting/decisions.server';
import { publishOutcome } from '@/lib/outcome/publish.server';
import { publishSchedule } from '@/lib/schedule/publish.server';
import { getItemDetail } from './detail.server';
import { getDashboard } from '@/lib/home/dashboard.server';
import { getRequest, listMyRequests } from '@/lib/requests/requests.server';

let alice: TestUser, observer: TestUser;

beforeAll(async () => {
  alice = await userWithRole('requestor');
  observer = await userWithRole('requestor');
});

/** A meeting deciding alice's item: rejected with a reason, the meeting still live. */
async function rejectedLive() {
  const setup = await plannedMeeting({ items: 2 });
  const [item] = setup.items;
  await db.update(items).set({ requestorId: alice.id }).where(eq(items.id, item.id));
  await db.insert(meetingAttendees).values({ meetingId: setup.meeting.id, userId: observer.id, role: 'observer' });
  await db.update(items).set({ requestorId: observer.id }).where(eq(items.id, setup.items[1].id));
  await startMeeting(setup.pm, setup.meeting.id, {
    votesVisibility: 'live',
    weighted: false,
    confirm: ['no_preread', 'early'],
  });
  await recordDecision(setup.pm, setup.meeting.id, item.id, {
    outcome: 'rejected',
    reason: 'No budget',
    note: 'n',
  });
  return { ...setup, item };
}

/** Everything alice is shown of her item, on every read path. */
async function whatAliceSees(itemId: number) {
  const mine = (await listMyRequests(alice)).find((r) => r.id === itemId)!;
  const home = (await getDashboard(alice)).requests.latest.find((r) => r.id === itemId)!;
  const page = await getRequest(alice, itemId);
  const api = await getItemDetail(alice, itemId);
  const texts = JSON.stringify([page.history, api.history]);
  return {
    statuses: [mine.status, home.status, page.item.status, api.item.status],
    reasons: [mine.decisionReason, home.decisionReason, page.item.decisionReason, api.item.decisionReason],
    decidedIn: mine.decidedIn,
    historyTellsRejection: texts.includes('rejected') || texts.includes('No budget'),
    rank: api.item.rank,
  };
}

describe('visible status of a decided item', () => {
  it('stays "under review" for its requestor until the outcome is published, on every read path', async () => {
    const { pm, meeting, cycle, item } = await rejectedLive();
    const hidden = {
      statuses: Array(4).fill('under_review'),
      reasons: Array(4).fill(null),
      decidedIn: null,
      historyTellsRejection: false,
      rank: null,
    };
    expect(await whatAliceSees(item.id)).toEqual(hidden);

    await endMeeting(pm, meeting.id, await followUpAll(meeting.id));
    expect(await whatAliceSees(item.id)).toEqual(hidden);

    await publishOutcome(pm, cycle.id);
    expect(await whatAliceSees(item.id)).toMatchObject({
      statuses: Array(4).fill('rejected'),
      reasons: Array(4).fill('No budget'),
      decidedIn: { meetingTitle: meeting.title, outcomePath: `/cycles/${cycle.id}/outcome` },
      historyTellsRejection: true,
    });
  });

  it('is shown at once to backlog readers, and to a requestor who attended the meeting', async () => {
    const { pm, leaders, meeting, item, items: agenda } = await rejectedLive();
    for (const viewer of [pm, leaders[0]]) {
      expect((await getItemDetail(viewer, item.id)).item).toMatchObject({
        status: 'rejected',
        decisionReason: 'No budget',
      });
    }
    await recordDecision(pm, meeting.id, agenda[1].id, { outcome: 'rejected', reason: 'Too big', note: 'n' });
    expect((await getRequest(observer, agenda[1].id)).item).toMatchObject({
      status: 'rejected',
      decisionReason: 'Too big',
    });
  });
});

describe('visible status of a scheduled item', () => {
  it('reads "accepted" for its requestor until the schedule is published once', async () => {
    const pm = await userWithRole('pm');
    const cycle = await makeCycle(db);
    const item = await makeItem(db, {
      cycleId: cycle.id,
      requestorId: alice.id,
      departmentId: alice.departmentId,
      status: 'scheduled',
      rank: 'a0',
    });
    const period = await makeSchedulePeriod(db, cycle.id, { startsOn: cycle.startsOn, endsOn: cycle.endsOn });
    await makeScheduleEntry(db, { itemId: item.id, periodId: period.id, ownerId: pm.id });
    expect((await getRequest(alice, item.id)).item.status).toBe('accepted');
    expect((await listMyRequests(alice)).find((r) => r.id === item.id)?.status).toBe('accepted');
    expect((await getItemDetail(pm, item.id)).item.status).toBe('scheduled');
    await publishSchedule(pm, cycle.id);
    expect((await getRequest(alice, item.id)).item.status).toBe('scheduled');
  });
});
