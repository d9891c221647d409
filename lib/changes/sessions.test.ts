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
import { db, sqlite, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { approveChangeRequest } from './decide.server';
import { raiseChangeRequest } from './requests.server';
import { getChangeRequest } from '@/lib/changes/details.server';
import { closeSession, conveneSession, respond } from './sessions.server';
import { changeInput, seedScheduledCycle, snapshotRows, type ScheduledCycle } from './test-helpers';

const HOUR = 3_600_000;
const crEvents = (id: number) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, 'change_request'), eq(events.subjectId, id)))
    .all();
const statusOf = (id: number) => db.select().from(changeRequests).where(eq(changeRequests.id, id)).get()!.status;

let s: ScheduledCycle;
let cr: ChangeRequest;
let invitees: number[];
beforeEach(async () => {
  s = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 3 });
  cr = raiseChangeRequest(
    s.leaders[0],
    s.cycle.id,
    changeInput(s, { displaced: [{ itemId: s.itemIds[5], action: 'out' }] }),
  ).changeRequest;
  invitees = s.leaders.map((l) => l.id);
});

describe('conveneSession', () => {
  it('an asynchronous session gets a 48-hour deadline by default, and the invitees are told at once', () => {
    const now = new Date('2027-02-01T09:00:00Z');
    const session = conveneSession(s.pm, cr.id, { mode: 'async', inviteeIds: invitees, sponsorVeto: 'on' }, now);
    expect(session).toMatchObject({
      changeRequestId: cr.id,
      mode: 'async',
      status: 'open',
      deadline: '2027-02-03T09:00:00.000Z',
      quorum: 2,
      sponsorVeto: true,
      convenedBy: s.pm.id,
    });
    expect(statusOf(cr.id)).toBe('in_session');
    for (const leader of s.leaders) {
      const mine = db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, leader.id), eq(notifications.kind, 'change.session_convened')))
        .all();
      expect(mine).toEqual([
        expect.objectContaining({ title: `Emergency session: "${cr.title}"`, link: `/changes/${cr.id}` }),
      ]);
      expect(mine[0].body).toMatch(
        /^Respond by Wednesday 3 February 2027, 09:00 UTC\. Approved if at least 2 of the 3 leaders/,
      );
      expect(db.select().from(outbox).where(eq(outbox.toUserId, leader.id)).all()).toHaveLength(1);
    }
    const [, convened] = crEvents(cr.id);
    expect(convened).toMatchObject({
      type: 'cr.session_convened',
      data: { sessionId: session.id, inviteeIds: invitees, quorum: 2, reconvened: false },
    });
  });

  it('a live session has no deadline; a given quorum and deadline are kept', () => {
    const live = conveneSession(s.pm, cr.id, {
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
  ])('refuses %s, naming the field, and writes nothing', (_name, over, field, message) => {
    const before = snapshotRows(sqlite);
    const error = validationErrorOf(() =>
      conveneSession(s.pm, cr.id, { mode: 'async', inviteeIds: invitees, ...over }),
    );
    expect(error.fieldErrors).toEqual({ [field]: [message] });
    expect(snapshotRows(sqlite)).toEqual(before);
  });

  it('invites only active leaders', async () => {
    const former = await makeUser(db, { role: 'leader', active: false });
    for (const id of [s.pm.id, former.id, s.requestor.id]) {
      expect(
        validationErrorOf(() => conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: [...invitees, id] }))
          .fieldErrors,
      ).toEqual({ inviteeIds: ['Only active leaders can be invited.'] });
    }
  });

  it('is for the pm: a leader is refused; a second session on the same request is refused', () => {
    expect(() => conveneSession(s.leaders[0], cr.id, { mode: 'live', inviteeIds: invitees })).toThrow(ForbiddenError);
    conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: invitees });
    expect(() => conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: invitees })).toThrow(ConflictError);
  });
});

describe('respond', () => {
  const convene = (over: Record<string, unknown> = {}) =>
    conveneSession(s.pm, cr.id, { mode: 'async', inviteeIds: invitees, ...over });

  it('a later response replaces the earlier one; both stay in the log', () => {
    const session = convene();
    const [leader] = s.leaders;
    expect(respond(leader, session.id, { response: 'dissent', comment: 'Sales needs item 6' })).toMatchObject({
      response: 'dissent',
      replaced: false,
    });
    expect(respond(leader, session.id, { response: 'assent', comment: '' })).toMatchObject({
      response: 'assent',
      comment: '',
      replaced: true,
    });
    const rows = db.select().from(sessionResponses).where(eq(sessionResponses.sessionId, session.id)).all();
    expect(rows.map((r) => [r.userId, r.response])).toEqual([[leader.id, 'assent']]);
    const logged = crEvents(cr.id).filter((e) => e.type === 'cr.response');
    expect(logged.map((e) => [e.actorId, e.data.response, e.data.comment])).toEqual([
      [leader.id, 'dissent', 'Sales needs item 6'],
      [leader.id, 'assent', ''],
    ]);
    expect(logged[1].data.replaces).toMatchObject({ response: 'dissent', comment: 'Sales needs item 6' });
    expect(getChangeRequest(s.pm, cr.id).evaluation).toMatchObject({ responded: 1, assent: 1 });
  });

  it('a dissent needs a comment', () => {
    const session = convene();
    expect(
      validationErrorOf(() => respond(s.leaders[0], session.id, { response: 'dissent', comment: '  ' })).fieldErrors,
    ).toEqual({ comment: ['Say why you dissent.'] });
    expect(
      validationErrorOf(() => respond(s.leaders[0], session.id, { response: 'maybe' })).fieldErrors,
    ).toHaveProperty('response');
  });

  it('only invited leaders respond (403 for the pm, another leader, a requestor)', async () => {
    const session = conveneSession(s.pm, cr.id, { mode: 'async', inviteeIds: [s.leaders[0].id] });
    const outsider = await userWithRole('leader');
    for (const who of [s.pm, s.leaders[1], outsider, s.requestor]) {
      expect(() => respond(who, session.id, { response: 'assent' })).toThrow(ForbiddenError);
    }
  });

  it('refuses responses after the deadline, and writes nothing', () => {
    const session = convene({ deadline: new Date(Date.now() + HOUR).toISOString() });
    const before = snapshotRows(sqlite);
    expect(() => respond(s.leaders[0], session.id, { response: 'assent' }, new Date(Date.now() + 2 * HOUR))).toThrow(
      /^The deadline \(.* UTC\) has passed/,
    );
    expect(snapshotRows(sqlite)).toEqual(before);
  });

  it('the pm closes a live session: responses stop; an async session closes at its deadline', () => {
    const session = conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: invitees });
    respond(s.leaders[0], session.id, { response: 'assent' });
    expect(() => closeSession(s.leaders[0], session.id)).toThrow(ForbiddenError);
    expect(closeSession(s.pm, session.id)).toMatchObject({ responded: 1, met: false });
    expect(db.select().from(emergencySessions).where(eq(emergencySessions.id, session.id)).get()!.status).toBe(
      'closed',
    );
    expect(() => respond(s.leaders[1], session.id, { response: 'assent' })).toThrow(
      'This session is closed: responses are no longer taken.',
    );
    expect(() => closeSession(s.pm, session.id)).toThrow(ConflictError);

    const other = raiseChangeRequest(s.pm, s.cycle.id, changeInput(s, { title: 'Other' })).changeRequest;
    const async = conveneSession(s.pm, other.id, { mode: 'async', inviteeIds: invitees });
    expect(() => closeSession(s.pm, async.id)).toThrow('An asynchronous session closes at its deadline.');
  });

  it('a request that needs review takes no responses until re-convened, which starts a fresh round', () => {
    const moved = s.itemIds[2]; // in Sprint 2
    const first = raiseChangeRequest(
      s.pm,
      s.cycle.id,
      changeInput(s, { title: 'First', displaced: [{ itemId: moved, action: 'later', toPeriodId: s.periods[2].id }] }),
    ).changeRequest;
    const second = raiseChangeRequest(
      s.pm,
      s.cycle.id,
      changeInput(s, { title: 'Second', displaced: [{ itemId: moved, action: 'out' }] }),
    ).changeRequest;
    const session = conveneSession(s.pm, second.id, { mode: 'async', inviteeIds: invitees });
    respond(s.leaders[0], session.id, { response: 'dissent', comment: 'No' });
    const firstSession = conveneSession(s.pm, first.id, { mode: 'live', inviteeIds: [s.leaders[1].id] });
    respond(s.leaders[1], firstSession.id, { response: 'assent' });
    approveChangeRequest(s.pm, first.id);
    expect(statusOf(second.id)).toBe('needs_review');
    expect(() => respond(s.leaders[1], session.id, { response: 'assent' })).toThrow(
      /needs review: responses are no longer taken/,
    );

    // Taking the item out still applies to the new schedule: the pm re-convenes.
    const again = conveneSession(s.pm, second.id, { mode: 'live', inviteeIds: [s.leaders[0].id, s.leaders[1].id] });
    expect(again.id).toBe(session.id);
    expect(statusOf(second.id)).toBe('in_session');
    expect(getChangeRequest(s.pm, second.id).invitees.map((i) => i.response)).toEqual([null, null]);
    expect(
      crEvents(second.id)
        .filter((e) => e.type === 'cr.session_convened')
        .map((e) => e.data.reconvened),
    ).toEqual([false, true]);
  });

  it('a proposal that no longer applies cannot be convened', () => {
    const rival = raiseChangeRequest(
      s.pm,
      s.cycle.id,
      changeInput(s, { title: 'Rival', displaced: [{ itemId: s.itemIds[5], action: 'out' }] }),
    ).changeRequest;
    respond(s.leaders[1], conveneSession(s.pm, rival.id, { mode: 'live', inviteeIds: [s.leaders[1].id] }).id, {
      response: 'assent',
    });
    approveChangeRequest(s.pm, rival.id);
    expect(statusOf(cr.id)).toBe('needs_review');
    const before = snapshotRows(sqlite);
    expect(() => conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: invitees })).toThrow(
      /^The schedule changed since this request was raised: Item #\d+ is not in the schedule/,
    );
    expect(snapshotRows(sqlite)).toEqual(before);
  });
});
