import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeUser } from '@/db/factories';
import {
  changeRequests,
  emergencySessions,
  events,
  notifications,
  outbox,
  sessionResponses,
  type ChangeRequest,
} from '@/db/schema';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { db, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { approveChangeRequest } from './decide.server';
import { raiseChangeRequest } from './requests.server';
import { getChangeRequest } from '@/lib/changes/details.server';
import { closeSession, conveneSession, respond } from './sessions.server';
import { changeInput, seedScheduledCycle, snapshotRows, type ScheduledCycle } from './test-helpers';
import { first } from '@/db/rows';

const HOUR = 3_600_000;
const crEvents = async (id: number) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, 'change_request'), eq(events.subjectId, id)));
const statusOf = async (id: number) =>
  first(await db.select().from(changeRequests).where(eq(changeRequests.id, id)))!.status;

let s: ScheduledCycle;
let cr: ChangeRequest;
let invitees: number[];
beforeEach(async () => {
  s = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 3 });
  cr = (
    await raiseChangeRequest(
      s.leaders[0],
      s.cycle.id,
      changeInput(s, { displaced: [{ itemId: s.itemIds[5], action: 'out' }] }),
    )
  ).changeRequest;
  invitees = s.leaders.map((l) => l.id);
});

describe('conveneSession', () => {
  it('an asynchronous session gets a 48-hour deadline by default, and the invitees are told at once', async () => {
    const now = new Date('2027-02-01T09:00:00Z');
    const session = await conveneSession(s.pm, cr.id, { mode: 'async', inviteeIds: invitees, sponsorVeto: 'on' }, now);
    expect(session).toMatchObject({
      changeRequestId: cr.id,
      mode: 'async',
      status: 'open',
      deadline: '2027-02-03T09:00:00.000Z',
      quorum: 2,
      sponsorVeto: true,
      convenedBy: s.pm.id,
    });
    expect(await statusOf(cr.id)).toBe('in_session');
    for (const leader of s.leaders) {
      const mine = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, leader.id), eq(notifications.kind, 'change.session_convened')));
      expect(mine).toEqual([
        expect.objectContaining({ title: `Emergency session: "${cr.title}"`, link: `/changes/${cr.id}` }),
      ]);
      expect(mine[0].body).toMatch(
        /^Respond by Wednesday 3 February 2027, 09:00 UTC\. Approved if at least 2 of the 3 leaders/,
      );
      expect(await db.select().from(outbox).where(eq(outbox.toUserId, leader.id))).toHaveLength(1);
    }
    const [, convened] = await crEvents(cr.id);
    expect(convened).toMatchObject({
      type: 'cr.session_convened',
      data: { sessionId: session.id, inviteeIds: invitees, quorum: 2, reconvened: false },
    });
  });

  it('a live session has no deadline; a given quorum and deadline are kept', async () => {
    const live = await conveneSession(s.pm, cr.id, {
      mode: 'live',
      deadline: '2030-01-01T00:00:00Z',
      quorum: '3',
      inviteeIds: invitees,
    });
    expect(live).toMatchObject({ mode: 'live', deadline: null, quorum: 3, sponsorVeto: false });
  });

  it.each([
    [
      'a deadline in the past',
      { deadline: new Date(Date.now() - HOUR).toISOString() },
      'deadline',
      'The deadline is in the past: choose a time after now.',
    ],
    ['no invitees', { inviteeIds: [] }, 'inviteeIds', 'Invite at least one leader.'],
    ['a quorum above the invitees', { quorum: 4 }, 'quorum', 'The quorum cannot be more than the 3 invited leaders.'],
    ['a quorum of 0', { quorum: '0' }, 'quorum', 'The quorum must be at least 1.'],
  ])('refuses %s, naming the field, and writes nothing', async (_name, over, field, message) => {
    const before = await snapshotRows();
    const error = await validationErrorOf(() =>
      conveneSession(s.pm, cr.id, { mode: 'async', inviteeIds: invitees, ...over }),
    );
    expect(error.fieldErrors).toEqual({ [field]: [message] });
    expect(await snapshotRows()).toEqual(before);
  });

  it('invites only active leaders', async () => {
    const former = await makeUser(db, { role: 'leader', active: false });
    for (const id of [s.pm.id, former.id, s.requestor.id]) {
      expect(
        (await validationErrorOf(() => conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: [...invitees, id] })))
          .fieldErrors,
      ).toEqual({ inviteeIds: ['Only active leaders can be invited.'] });
    }
  });

  it('is for the pm: a leader is refused; a second session on the same request is refused', async () => {
    await expect(conveneSession(s.leaders[0], cr.id, { mode: 'live', inviteeIds: invitees })).rejects.toThrow(
      ForbiddenError,
    );
    await conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: invitees });
    await expect(conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: invitees })).rejects.toThrow(ConflictError);
  });
});

describe('respond', () => {
  const convene = (over: Record<string, unknown> = {}) =>
    conveneSession(s.pm, cr.id, { mode: 'async', inviteeIds: invitees, ...over });

  it('a later response replaces the earlier one; both stay in the log', async () => {
    const session = await convene();
    const [leader] = s.leaders;
    expect(await respond(leader, session.id, { response: 'dissent', comment: 'Sales needs item 6' })).toMatchObject({
      response: 'dissent',
      replaced: false,
    });
    expect(await respond(leader, session.id, { response: 'assent', comment: '' })).toMatchObject({
      response: 'assent',
      comment: '',
      replaced: true,
    });
    const rows = await db.select().from(sessionResponses).where(eq(sessionResponses.sessionId, session.id));
    expect(rows.map((r) => [r.userId, r.response])).toEqual([[leader.id, 'assent']]);
    const logged = (await crEvents(cr.id)).filter((e) => e.type === 'cr.response');
    expect(logged.map((e) => [e.actorId, e.data.response, e.data.comment])).toEqual([
      [leader.id, 'dissent', 'Sales needs item 6'],
      [leader.id, 'assent', ''],
    ]);
    expect(logged[1].data.replaces).toMatchObject({ response: 'dissent', comment: 'Sales needs item 6' });
    expect((await getChangeRequest(s.pm, cr.id)).evaluation).toMatchObject({ responded: 1, assent: 1 });
  });

  it('a dissent needs a comment', async () => {
    const session = await convene();
    expect(
      (await validationErrorOf(() => respond(s.leaders[0], session.id, { response: 'dissent', comment: '  ' })))
        .fieldErrors,
    ).toEqual({ comment: ['Say why you dissent.'] });
    expect(
      (await validationErrorOf(() => respond(s.leaders[0], session.id, { response: 'maybe' }))).fieldErrors,
    ).toHaveProperty('response');
  });

  it('only invited leaders respond (403 for the pm, another leader, a requestor)', async () => {
    const session = await conveneSession(s.pm, cr.id, { mode: 'async', inviteeIds: [s.leaders[0].id] });
    const outsider = await userWithRole('leader');
    for (const who of [s.pm, s.leaders[1], outsider, s.requestor]) {
      await expect(respond(who, session.id, { response: 'assent' })).rejects.toThrow(ForbiddenError);
    }
  });

  it('refuses responses after the deadline, and writes nothing', async () => {
    const session = await convene({ deadline: new Date(Date.now() + HOUR).toISOString() });
    const before = await snapshotRows();
    await expect(
      respond(s.leaders[0], session.id, { response: 'assent' }, new Date(Date.now() + 2 * HOUR)),
    ).rejects.toThrow(/^The deadline \(.* UTC\) has passed/);
    expect(await snapshotRows()).toEqual(before);
  });

  it('the pm closes a live session: responses stop; an async session closes at its deadline', async () => {
    const session = await conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: invitees });
    await respond(s.leaders[0], session.id, { response: 'assent' });
    await expect(closeSession(s.leaders[0], session.id)).rejects.toThrow(ForbiddenError);
    expect(await closeSession(s.pm, session.id)).toMatchObject({ responded: 1, met: false });
    expect(first(await db.select().from(emergencySessions).where(eq(emergencySessions.id, session.id)))!.status).toBe(
      'closed',
    );
    await expect(respond(s.leaders[1], session.id, { response: 'assent' })).rejects.toThrow(
      'This session is closed: responses are no longer taken.',
    );
    await expect(closeSession(s.pm, session.id)).rejects.toThrow(ConflictError);

    const other = (await raiseChangeRequest(s.pm, s.cycle.id, changeInput(s, { title: 'Other' }))).changeRequest;
    const async = await conveneSession(s.pm, other.id, { mode: 'async', inviteeIds: invitees });
    await expect(closeSession(s.pm, async.id)).rejects.toThrow('An asynchronous session closes at its deadline.');
  });

  it('a request that needs review takes no responses until re-convened, which starts a fresh round', async () => {
    const moved = s.itemIds[2]; // in Sprint 2
    const first = (
      await raiseChangeRequest(
        s.pm,
        s.cycle.id,
        changeInput(s, {
          title: 'First',
          displaced: [{ itemId: moved, action: 'later', toPeriodId: s.periods[2].id }],
        }),
      )
    ).changeRequest;
    const second = (
      await raiseChangeRequest(
        s.pm,
        s.cycle.id,
        changeInput(s, { title: 'Second', displaced: [{ itemId: moved, action: 'out' }] }),
      )
    ).changeRequest;
    const session = await conveneSession(s.pm, second.id, { mode: 'async', inviteeIds: invitees });
    await respond(s.leaders[0], session.id, { response: 'dissent', comment: 'No' });
    const firstSession = await conveneSession(s.pm, first.id, { mode: 'live', inviteeIds: [s.leaders[1].id] });
    await respond(s.leaders[1], firstSession.id, { response: 'assent' });
    await approveChangeRequest(s.pm, first.id);
    expect(await statusOf(second.id)).toBe('needs_review');
    await expect(respond(s.leaders[1], session.id, { response: 'assent' })).rejects.toThrow(
      /needs review: responses are no longer taken/,
    );

    // Taking the item out still applies to the new schedule: the pm re-convenes.
    const again = await conveneSession(s.pm, second.id, {
      mode: 'live',
      inviteeIds: [s.leaders[0].id, s.leaders[1].id],
    });
    expect(again.id).toBe(session.id);
    expect(await statusOf(second.id)).toBe('in_session');
    expect((await getChangeRequest(s.pm, second.id)).invitees.map((i) => i.response)).toEqual([null, null]);
    expect(
      (await crEvents(second.id)).filter((e) => e.type === 'cr.session_convened').map((e) => e.data.reconvened),
    ).toEqual([false, true]);
  });

  it('a proposal that no longer applies cannot be convened', async () => {
    const rival = (
      await raiseChangeRequest(
        s.pm,
        s.cycle.id,
        changeInput(s, { title: 'Rival', displaced: [{ itemId: s.itemIds[5], action: 'out' }] }),
      )
    ).changeRequest;
    await respond(
      s.leaders[1],
      (await conveneSession(s.pm, rival.id, { mode: 'live', inviteeIds: [s.leaders[1].id] })).id,
      {
        response: 'assent',
      },
    );
    await approveChangeRequest(s.pm, rival.id);
    expect(await statusOf(cr.id)).toBe('needs_review');
    const before = await snapshotRows();
    await expect(conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: invitees })).rejects.toThrow(
      /^The schedule changed since this request was raised: Item #\d+ is not in the schedule/,
    );
    expect(await snapshotRows()).toEqual(before);
  });
});
