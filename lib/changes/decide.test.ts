import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import {
  changeRequests,
  emergencySessions,
  events,
  items,
  meetingAttendees,
  meetings,
  notifications,
  scheduleEntries,
  type ChangeRequest,
} from '@/db/schema';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { changeRequestChannel, publisher } from '@/lib/realtime/publisher.server';
import { db, readItem, execute, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { NEEDS_REVIEW, approveChangeRequest, declineChangeRequest, JUSTIFICATION_NEEDED } from './decide.server';
import { itemScheduleTimeline } from './history.server';
import { raiseChangeRequest } from './requests.server';
import { closeSession, conveneSession, respond } from './sessions.server';
import { changeInput, seedScheduledCycle, snapshotRows, type ScheduledCycle } from './test-helpers';
import type { TestUser } from '@/db/factories';
import { first } from '@/db/rows';
import { dialect } from '@/db/client';
import { logEvent } from '@/lib/events/log.server';
import { inOrder } from '@/lib/testing/in-order';

const crRow = async (id: number) => first(await db.select().from(changeRequests).where(eq(changeRequests.id, id)))!;
const entryOf = async (itemId: number) =>
  first(await db.select().from(scheduleEntries).where(eq(scheduleEntries.itemId, itemId)));
const itemEvents = async (itemId: number) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, 'item'), eq(events.subjectId, itemId)));
const decidedFor = async (user: TestUser) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.kind, 'change.decided')));

let s: ScheduledCycle;
let engineer: TestUser;
beforeEach(async () => {
  // Items 1-6 (1, 2, 3, 1, 2, 3 weeks): two per sprint; leaders sponsor them in turn (item i → leader i mod 3).
  s = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 3 });
  engineer = await userWithRole('engineer');
  // The cycle's prioritisation meeting: two leaders and an engineer attended.
  const at = new Date().toISOString();
  const meeting = (
    await db
      .insert(meetings)
      .values({
        cycleId: s.cycle.id,
        title: 'Q1',
        scheduledAt: at,
        facilitatorId: s.pm.id,
        questionsCloseAt: at,
        createdAt: at,
        status: 'closed',
      })
      .returning()
  )[0];
  await db
    .insert(meetingAttendees)
    .values([s.leaders[0], s.leaders[1], engineer].map((u) => ({ meetingId: meeting.id, userId: u.id })));
});
afterEach(() => vi.restoreAllMocks());

/** Raised by leader 0: a new 2-week item goes second, into Sprint 1; item 6 moves out, item 3 moves to Sprint 3. */
async function raise(over: Record<string, unknown> = {}): Promise<ChangeRequest> {
  return (
    await raiseChangeRequest(
      s.leaders[0],
      s.cycle.id,
      changeInput(s, {
        displaced: [
          { itemId: s.itemIds[5], action: 'out' },
          { itemId: s.itemIds[2], action: 'later', toPeriodId: s.periods[2].id },
        ],
        ...over,
      }),
    )
  ).changeRequest;
}

/** An async session of the three leaders in which leaders 0 and 1 assent: the rule is met. */
async function assented(cr: ChangeRequest) {
  const session = await conveneSession(s.pm, cr.id, { mode: 'async', inviteeIds: s.leaders.map((l) => l.id) });
  await respond(s.leaders[0], session.id, { response: 'assent' });
  await respond(s.leaders[1], session.id, { response: 'assent' });
  return session;
}

describe('approveChangeRequest', () => {
  it('applies the proposal: one new rank, the changed periods and statuses, events naming the request; nothing else moves', async () => {
    const cr = await raise();
    const rival = await raise({ title: 'Rival', displaced: [{ itemId: s.itemIds[5], action: 'out' }] });
    const unrelated = await raise({ title: 'Unrelated', displaced: [{ itemId: s.itemIds[4], action: 'out' }] });
    const session = await assented(cr);
    const before = new Map((await db.select().from(items).where(inArray(items.id, s.itemIds))).map((i) => [i.id, i]));
    const publish = vi.spyOn(publisher, 'publish');

    const result = await approveChangeRequest(s.pm, cr.id);
    expect(result).toMatchObject({ ruleMet: true, needsReview: [rival.id] });
    expect(result.applied.map((a) => [a.itemId, a.action, a.toPeriodId])).toEqual([
      [cr.incomingItemId, 'in', s.periods[0].id],
      [s.itemIds[5], 'out', null],
      [s.itemIds[2], 'later', s.periods[2].id],
    ]);

    const incoming = await readItem(cr.incomingItemId);
    expect(incoming).toMatchObject({
      status: 'scheduled',
      cycleId: s.cycle.id,
      decisionReason: `Brought in by change request "${cr.title}": ${cr.whyNow}`,
    });
    expect(incoming.rank! > before.get(s.itemIds[0])!.rank! && incoming.rank! < before.get(s.itemIds[1])!.rank!).toBe(
      true,
    );
    expect(await entryOf(incoming.id)).toMatchObject({ periodId: s.periods[0].id, version: 1 });
    expect(await readItem(s.itemIds[5])).toMatchObject({
      status: 'deferred',
      version: 2,
      decisionReason: `Moved out by change request "${cr.title}": ${cr.whyNow}`,
    });
    expect(await entryOf(s.itemIds[5])).toMatchObject({ periodId: null, version: 2 });
    expect(await readItem(s.itemIds[2])).toEqual(before.get(s.itemIds[2])); // only its entry changes
    expect(await entryOf(s.itemIds[2])).toMatchObject({ periodId: s.periods[2].id, version: 2 });
    for (const id of [s.itemIds[0], s.itemIds[1], s.itemIds[3], s.itemIds[4]])
      expect(await readItem(id)).toEqual(before.get(id));

    const logged = async (id: number) =>
      (await itemEvents(id)).filter((e) => e.type === 'item.schedule_changed').map((e) => e.data);
    expect(await logged(incoming.id)).toEqual([
      expect.objectContaining({ action: 'in', changeRequestId: cr.id, changeRequestTitle: cr.title }),
    ]);
    expect(await logged(s.itemIds[5])).toEqual([
      expect.objectContaining({
        action: 'out',
        changeRequestId: cr.id,
        changes: expect.objectContaining({
          status: { from: 'scheduled', to: 'deferred' },
          periodId: { from: s.periods[2].id, to: null },
        }),
      }),
    ]);
    expect(await logged(s.itemIds[2])).toEqual([
      expect.objectContaining({
        action: 'later',
        changes: { periodId: { from: s.periods[1].id, to: s.periods[2].id } },
      }),
    ]);

    expect(await crRow(cr.id)).toMatchObject({
      status: 'approved',
      ruleMet: true,
      decidedBy: s.pm.id,
      decisionNote: null,
    });
    expect(first(await db.select().from(emergencySessions).where(eq(emergencySessions.id, session.id)))!.status).toBe(
      'closed',
    );
    expect((await crRow(rival.id)).status).toBe('needs_review');
    expect((await crRow(unrelated.id)).status).toBe('open');
    const review = first(
      await db
        .select()
        .from(events)
        .where(
          and(
            eq(events.subjectType, 'change_request'),
            eq(events.subjectId, rival.id),
            eq(events.type, 'cr.needs_review'),
          ),
        ),
    )!;
    expect(review.data).toEqual({ causedBy: cr.id, causedByTitle: cr.title, itemIds: [s.itemIds[5]] });
    expect(publish).toHaveBeenCalledWith(changeRequestChannel(rival.id), review.id);
    expect(publish).toHaveBeenCalledWith(changeRequestChannel(cr.id), expect.any(Number));

    // The rival cannot be approved on answers given about the schedule as it was.
    await expect(approveChangeRequest(s.pm, rival.id)).rejects.toThrow(NEEDS_REVIEW);
    expect((await crRow(rival.id)).status).toBe('needs_review');
  });

  it('tells the requestor and sponsor of each displaced item why, and every attendee, once each', async () => {
    const cr = await raise();
    await assented(cr);
    const { notified } = await approveChangeRequest(s.pm, cr.id);
    const [raiser, attendee, sponsor] = s.leaders; // leader 2 sponsors items 3 and 6
    expect(notified).toEqual(
      [...new Set([s.requestor.id, raiser.id, attendee.id, sponsor.id, engineer.id])].sort((a, b) => a - b),
    );
    for (const user of [s.requestor, raiser, attendee, sponsor, engineer])
      expect(await decidedFor(user)).toHaveLength(1);
    expect(await decidedFor(s.pm)).toEqual([]); // the pm approved it
    const [toRequestor] = await decidedFor(s.requestor);
    // A requestor may not open change requests: they are sent to their own moved item instead.
    expect(toRequestor).toMatchObject({
      title: `Change request approved: "${cr.title}"`,
      link: `/requests/${s.itemIds[5]}`,
    });
    expect((await decidedFor(raiser))[0].link).toBe(`/changes/${cr.id}`);
    expect(toRequestor.body).toBe(
      `"Scheduled item 6" moves out of the schedule: it is deferred. "Scheduled item 3" moves later, to Sprint 3. Why now: ${cr.whyNow}`,
    );
    expect((await decidedFor(sponsor))[0].body).toBe(toRequestor.body);
    expect((await decidedFor(raiser))[0].body).toBe(
      `"${cr.title}" comes into the schedule (Sprint 1). Why now: ${cr.whyNow}`,
    );
    expect((await decidedFor(engineer))[0].body).toBe(`Why now: ${cr.whyNow}`);
  });

  it('against the rule: refused while the session is open, then needs a justification that is kept and told', async () => {
    const cr = await raise();
    const session = await conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: s.leaders.map((l) => l.id) });
    await respond(s.leaders[2], session.id, { response: 'dissent', comment: 'My items move' });
    await expect(approveChangeRequest(s.pm, cr.id)).rejects.toThrow(
      'The rule is not met yet: close the live session before approving against it, or decline.',
    );
    await closeSession(s.pm, session.id);
    const before = await snapshotRows();
    expect(
      (await validationErrorOf(() => approveChangeRequest(s.pm, cr.id, { justification: ' ' }))).fieldErrors,
    ).toEqual({
      justification: [JUSTIFICATION_NEEDED],
    });
    expect(await snapshotRows()).toEqual(before);

    await approveChangeRequest(s.pm, cr.id, { justification: 'The regulator requires it by Friday.' });
    expect(await crRow(cr.id)).toMatchObject({
      status: 'approved',
      ruleMet: false,
      decisionNote: 'The regulator requires it by Friday.',
    });
    expect((await decidedFor(s.leaders[1]))[0].body).toMatch(
      /Approved against the rule \(Rule not met: .*\) Justification: The regulator requires it by Friday\.$/,
    );
    const approved = first(
      await db
        .select()
        .from(events)
        .where(and(eq(events.subjectId, cr.id), eq(events.type, 'cr.approved'))),
    )!;
    expect(approved.data).toMatchObject({ ruleMet: false, justification: 'The regulator requires it by Friday.' });
  });

  it('after the deadline, an unmet rule can be approved with a justification', async () => {
    const cr = await raise();
    await conveneSession(s.pm, cr.id, { mode: 'async', inviteeIds: s.leaders.map((l) => l.id) });
    const later = new Date(Date.now() + 49 * 3_600_000);
    await expect(approveChangeRequest(s.pm, cr.id, {}, new Date())).rejects.toThrow(/wait for the deadline/);
    expect((await validationErrorOf(() => approveChangeRequest(s.pm, cr.id, {}, later))).fieldErrors).toHaveProperty(
      'justification',
    );
    expect(
      (await approveChangeRequest(s.pm, cr.id, { justification: 'Nobody answered; outage.' }, later)).ruleMet,
    ).toBe(false);
  });

  it('is refused twice, to a leader, and without a session, writing nothing', async () => {
    const cr = await raise();
    await expect(approveChangeRequest(s.pm, cr.id)).rejects.toThrow(
      'Convene an emergency session before deciding on this change request.',
    );
    await assented(cr);
    await expect(approveChangeRequest(s.leaders[0], cr.id)).rejects.toThrow(ForbiddenError);
    await approveChangeRequest(s.pm, cr.id);
    const before = await snapshotRows();
    await expect(approveChangeRequest(s.pm, cr.id)).rejects.toThrow('This change request is already approved.');
    await expect(declineChangeRequest(s.pm, cr.id, { reason: 'Too late' })).rejects.toThrow(ConflictError);
    expect(await snapshotRows()).toEqual(before);
  });

  it('refuses to approve a request that needs review, and convening it again re-checks it against the schedule now', async () => {
    const first = await raise({ title: 'First', displaced: [{ itemId: s.itemIds[5], action: 'out' }] });
    const second = await raise({ title: 'Second', displaced: [{ itemId: s.itemIds[5], action: 'out' }] });
    await assented(first);
    await assented(second);
    await approveChangeRequest(s.pm, first.id);
    expect((await crRow(second.id)).status).toBe('needs_review');
    const before = await snapshotRows();
    await expect(approveChangeRequest(s.pm, second.id)).rejects.toThrow(NEEDS_REVIEW);
    await expect(conveneSession(s.pm, second.id, { mode: 'async', inviteeIds: [s.leaders[1].id] })).rejects.toThrow(
      /^The schedule changed since this request was raised: Item #\d+ is not in the schedule/,
    );
    expect(await snapshotRows()).toEqual(before);
  });
});

describe('applying is atomic', () => {
  // A real failure inside the transaction, after some rows were already written: a trigger aborts a later write.
  type Trap = { event: 'UPDATE' | 'INSERT'; table: string; when?: string };
  let armed: Trap | null = null;
  const failOn = async (trap: Trap) => {
    armed = trap;
    if (dialect === 'postgres') {
      await execute(
        `CREATE FUNCTION fail_midway() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$`,
      );
      await execute(
        `CREATE TRIGGER fail_midway BEFORE ${trap.event} ON ${trap.table} FOR EACH ROW ${trap.when ? `WHEN (${trap.when})` : ''} EXECUTE FUNCTION fail_midway()`,
      );
    } else {
      await execute(
        `CREATE TEMP TRIGGER fail_midway BEFORE ${trap.event} ON ${trap.table} ${trap.when ? `WHEN ${trap.when}` : ''} BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`,
      );
    }
  };
  const disarm = async () => {
    if (!armed) return;
    if (dialect === 'postgres') {
      await execute(`DROP TRIGGER IF EXISTS fail_midway ON ${armed.table}`);
      await execute('DROP FUNCTION IF EXISTS fail_midway()');
    } else await execute('DROP TRIGGER IF EXISTS fail_midway');
    armed = null;
  };
  afterEach(disarm);

  it.each([
    [
      'moving a displaced item later (after the incoming and the out item were written)',
      (later: number): Trap => ({ event: 'UPDATE', table: 'schedule_entries', when: `NEW.item_id = ${later}` }),
    ],
    ['notifying (the last step)', (): Trap => ({ event: 'INSERT', table: 'notifications' })],
  ])(
    'a failure while %s leaves items, entries, requests, sessions, events and notifications untouched',
    async (_name, trigger) => {
      const cr = await raise();
      const rival = await raise({ title: 'Rival', displaced: [{ itemId: s.itemIds[5], action: 'out' }] });
      await assented(cr);
      const publish = vi.spyOn(publisher, 'publish');
      const before = await snapshotRows();
      await failOn(trigger(s.itemIds[2]));
      await expect(approveChangeRequest(s.pm, cr.id)).rejects.toThrow('simulated failure');
      expect(await snapshotRows()).toEqual(before);
      expect(publish).not.toHaveBeenCalled();

      await disarm();
      await approveChangeRequest(s.pm, cr.id);
      expect([(await crRow(cr.id)).status, (await crRow(rival.id)).status]).toEqual(['approved', 'needs_review']);
    },
  );
});

describe('declineChangeRequest', () => {
  it('closes the request with the reason, defers the item it created and tells the invitees and the raiser', async () => {
    const cr = await raise();
    const session = await conveneSession(s.pm, cr.id, {
      mode: 'async',
      inviteeIds: [s.leaders[1].id, s.leaders[2].id],
    });
    expect((await validationErrorOf(() => declineChangeRequest(s.pm, cr.id, { reason: '' }))).fieldErrors).toEqual({
      reason: ['Give a reason.'],
    });
    await expect(declineChangeRequest(s.leaders[1], cr.id, { reason: 'No' })).rejects.toThrow(ForbiddenError);

    const after = await declineChangeRequest(s.pm, cr.id, { reason: 'The bank fixed it on their side.' });
    expect(after).toMatchObject({
      status: 'declined',
      decisionNote: 'The bank fixed it on their side.',
      ruleMet: false,
      decidedBy: s.pm.id,
    });
    expect(first(await db.select().from(emergencySessions).where(eq(emergencySessions.id, session.id)))!.status).toBe(
      'closed',
    );
    expect(await readItem(cr.incomingItemId)).toMatchObject({
      status: 'deferred',
      decisionReason: `Change request "${cr.title}" was declined: The bank fixed it on their side.`,
    });
    expect(await inOrder(s.itemIds, async (id) => (await readItem(id)).status)).toEqual(Array(6).fill('scheduled'));
    for (const user of [s.leaders[0], s.leaders[1], s.leaders[2]]) {
      expect(await decidedFor(user)).toEqual([
        expect.objectContaining({
          title: `Change request declined: "${cr.title}"`,
          body: 'Reason: The bank fixed it on their side.',
        }),
      ]);
    }
    expect(await decidedFor(engineer)).toEqual([]);
    await expect(declineChangeRequest(s.pm, cr.id, { reason: 'Again' })).rejects.toThrow(
      'This change request is already declined.',
    );
  });
});

describe('itemScheduleTimeline', () => {
  it("lists an item's schedule changes with the change request that caused each", async () => {
    const cr = await raise();
    await assented(cr);
    await approveChangeRequest(s.pm, cr.id);
    const timeline = await itemScheduleTimeline(s.leaders[1], s.itemIds[5]);
    expect(timeline).toEqual([
      expect.objectContaining({
        type: 'item.schedule_changed',
        action: 'out',
        actorName: s.pm.name,
        changeRequest: { id: cr.id, title: cr.title, status: 'approved' },
        changes: expect.objectContaining({ status: { from: 'scheduled', to: 'deferred' } }),
        period: { from: 'Sprint 3', to: null },
      }),
    ]);
    expect((await itemScheduleTimeline(s.leaders[1], cr.incomingItemId)).map((e) => e.action)).toEqual(['in']);
    expect(await itemScheduleTimeline(s.leaders[1], s.itemIds[0])).toEqual([]);
    // The schedule editor's own changes (before/after snapshots) are there too, without the change request; flags are not.
    const [p1, p2] = s.periods;
    const edit = {
      before: { periodId: p1.id, ownerId: null, kickoffOn: null, period: p1.name },
      after: { periodId: p2.id, ownerId: null, kickoffOn: null, period: p2.name },
    };
    for (const event of [
      { type: 'item.schedule_changed', data: edit },
      { type: 'schedule.flag_raised', data: { flagId: 1, kind: 'flag' } },
    ])
      await logEvent(db, { actorId: s.pm.id, subjectType: 'item', subjectId: s.itemIds[0], ...event });
    expect(await itemScheduleTimeline(s.leaders[1], s.itemIds[0])).toEqual([
      expect.objectContaining({
        action: null,
        changeRequest: null,
        changes: { periodId: { from: p1.id, to: p2.id } },
        period: { from: p1.name, to: p2.name },
      }),
    ]);
    const stranger = await userWithRole('requestor');
    await expect(itemScheduleTimeline(stranger, s.itemIds[5])).rejects.toThrow(ForbiddenError);
  });
});
