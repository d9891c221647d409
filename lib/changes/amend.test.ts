import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  changeRequests,
  emergencySessions,
  events,
  notifications,
  sessionResponses,
  type ChangeRequest,
  type EmergencySession,
} from '@/db/schema';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { db, validationErrorOf } from '@/lib/testing/db';
import { AMEND_NEEDS_DISSENT, amendChangeRequest, getAmendmentForm, previewAmendment } from './amend.server';
import { approveChangeRequest } from './decide.server';
import { getChangeRequest } from './details.server';
import { raiseChangeRequest } from './requests.server';
import { closeSession, conveneSession, respond } from './sessions.server';
import { changeInput, seedScheduledCycle, snapshotRows, type ScheduledCycle } from './test-helpers';
import { first } from '@/db/rows';

const HOUR = 3_600_000;
const crEvents = async (id: number) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, 'change_request'), eq(events.subjectId, id)));
const requestRow = async (id: number) =>
  first(await db.select().from(changeRequests).where(eq(changeRequests.id, id)))!;
const sessionRow = async (id: number) =>
  first(await db.select().from(emergencySessions).where(eq(emergencySessions.id, id)))!;

/** The amendment: one week into Sprint 2, where item 4 (one week) moves out to make room. */
const amendment = (s: ScheduledCycle, over: Record<string, unknown> = {}) => ({
  whyNow: 'Card payments still fail; a smaller fix first.',
  urgency: 'high',
  incomingPosition: '2',
  incomingPeriodId: String(s.periods[1].id),
  displaced: [{ itemId: s.itemIds[3], action: 'out' }],
  ...over,
});

let s: ScheduledCycle;
let cr: ChangeRequest;
let session: EmergencySession;
let raiser: ScheduledCycle['leaders'][number];
beforeEach(async () => {
  s = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 3 });
  raiser = s.leaders[0];
  cr = (await raiseChangeRequest(raiser, s.cycle.id, changeInput(s, { estimate: '1' }))).changeRequest;
  session = await conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: s.leaders.map((l) => l.id) });
  await respond(s.leaders[1], session.id, { response: 'dissent', comment: 'Not in Sprint 1: it is full.' });
  await respond(s.leaders[2], session.id, { response: 'assent', comment: '' });
});

describe('amendChangeRequest', () => {
  it('changes the proposal, opens round 2 with no responses, and keeps round 1 on the record', async () => {
    const after = await amendChangeRequest(raiser, cr.id, amendment(s));
    expect(after).toMatchObject({
      round: 2,
      status: 'in_session',
      whyNow: 'Card payments still fail; a smaller fix first.',
      urgency: 'high',
      incomingPosition: 2,
      incomingPeriodId: s.periods[1].id,
      displaced: [{ itemId: s.itemIds[3], action: 'out' }],
      overCapacity: null,
      version: cr.version + 2, // convened, then amended
    });
    expect(await db.select().from(sessionResponses).where(eq(sessionResponses.sessionId, session.id))).toEqual([]);

    const amended = (await crEvents(cr.id)).find((e) => e.type === 'cr.amended')!;
    expect(amended.actorId).toBe(raiser.id);
    expect(amended.data).toMatchObject({
      round: 2,
      before: { incomingPosition: 1, incomingPeriodId: s.periods[0].id, displaced: [] },
      after: { incomingPosition: 2, incomingPeriodId: s.periods[1].id },
      earlierResponses: [
        { userId: s.leaders[1].id, response: 'dissent', comment: 'Not in Sprint 1: it is full.' },
        { userId: s.leaders[2].id, response: 'assent', comment: '' },
      ],
    });

    const d = await getChangeRequest(s.pm, cr.id);
    expect(d.earlierRounds).toEqual([
      expect.objectContaining({
        round: 1,
        amendedBy: raiser.name,
        responses: [
          expect.objectContaining({
            name: s.leaders[1].name,
            response: 'dissent',
            comment: 'Not in Sprint 1: it is full.',
          }),
          expect.objectContaining({ name: s.leaders[2].name, response: 'assent' }),
        ],
      }),
    ]);
    // Only this round counts towards the rule.
    expect(d.evaluation).toMatchObject({ responded: 0, met: false });
    expect(d.invitees.every((i) => i.response === null)).toBe(true);
  });

  it('lets the leaders respond again, and tells them (not the raiser) that they are asked anew', async () => {
    await amendChangeRequest(raiser, cr.id, amendment(s));
    expect(await respond(s.leaders[1], session.id, { response: 'assent', comment: '' })).toMatchObject({
      replaced: false,
    });
    expect((await crEvents(cr.id)).at(-1)!.data).toMatchObject({ round: 2, userId: s.leaders[1].id, replaces: null });
    const told = (
      await db
        .select({ userId: notifications.userId, title: notifications.title })
        .from(notifications)
        .where(
          and(
            eq(notifications.link, `/changes/${cr.id}`),
            eq(notifications.title, `Change request amended: "${cr.title}"`),
          ),
        )
    )
      .map((n) => n.userId)
      .sort((a, b) => a - b);
    expect(told).toEqual([s.pm.id, s.leaders[1].id, s.leaders[2].id].sort((a, b) => a - b));
  });

  it('re-opens a closed live session', async () => {
    await closeSession(s.pm, session.id);
    expect((await sessionRow(session.id)).status).toBe('closed');
    await amendChangeRequest(raiser, cr.id, amendment(s));
    expect(await sessionRow(session.id)).toMatchObject({ status: 'open', closedAt: null });
  });

  it.each([
    ['an hour away moves to 48 hours after the amendment', HOUR, '2027-02-03T09:00:00.000Z'],
    ['a week away is kept', 7 * 24 * HOUR, '2027-02-08T09:00:00.000Z'],
  ])('an asynchronous deadline %s', async (_name, away, expected) => {
    const now = new Date('2027-02-01T09:00:00Z');
    const other = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 2 });
    const request = (await raiseChangeRequest(other.leaders[0], other.cycle.id, changeInput(other, { estimate: '1' })))
      .changeRequest;
    const deadline = new Date(now.getTime() + away).toISOString();
    const async = await conveneSession(
      other.pm,
      request.id,
      { mode: 'async', inviteeIds: [other.leaders[1].id], deadline },
      now,
    );
    await respond(other.leaders[1], async.id, { response: 'dissent', comment: 'No.' }, now);
    await amendChangeRequest(other.leaders[0], request.id, amendment(other), now);
    expect(await sessionRow(async.id)).toMatchObject({ status: 'open', deadline: expected });
  });

  it('is for the raiser only, and only after a dissent', async () => {
    await expect(amendChangeRequest(s.leaders[1], cr.id, amendment(s))).rejects.toThrow(ForbiddenError);
    await expect(amendChangeRequest(s.pm, cr.id, amendment(s))).rejects.toThrow(ForbiddenError);

    const calm = (await raiseChangeRequest(raiser, s.cycle.id, changeInput(s, { title: 'Calm' }))).changeRequest;
    await expect(amendChangeRequest(raiser, calm.id, amendment(s))).rejects.toThrow(AMEND_NEEDS_DISSENT); // no session yet
    const calmSession = await conveneSession(s.pm, calm.id, { mode: 'live', inviteeIds: [s.leaders[2].id] });
    await respond(s.leaders[2], calmSession.id, { response: 'assent', comment: '' });
    await expect(amendChangeRequest(raiser, calm.id, amendment(s))).rejects.toThrow(AMEND_NEEDS_DISSENT);
    await closeSession(s.pm, calmSession.id);
    await approveChangeRequest(s.pm, calm.id);
    await expect(amendChangeRequest(raiser, calm.id, amendment(s))).rejects.toThrow(ConflictError);
  });

  it('refuses bad input naming the field, and over capacity without the confirmation, writing nothing', async () => {
    const before = await snapshotRows();
    const blank = await validationErrorOf(() => amendChangeRequest(raiser, cr.id, amendment(s, { whyNow: ' ' })));
    expect(blank.fieldErrors).toEqual({ whyNow: ['Say why this cannot wait.'] });
    // Item 1 (1 week) moved later into Sprint 3, which holds 5 of 4 already.
    const over = await validationErrorOf(() =>
      amendChangeRequest(
        raiser,
        cr.id,
        amendment(s, {
          displaced: [
            { itemId: s.itemIds[3], action: 'out' },
            { itemId: s.itemIds[0], action: 'later', toPeriodId: String(s.periods[2].id) },
          ],
        }),
      ),
    );
    expect(over.fieldErrors.confirmOverCapacity).toEqual([
      expect.stringContaining('Sprint 3 by 2 person-weeks (6 of 4)'),
    ]);
    expect(await snapshotRows()).toEqual(before);
    expect((await requestRow(cr.id)).round).toBe(1);
  });

  it('stores the confirmed excess when the amendment goes over capacity', async () => {
    const after = await amendChangeRequest(
      raiser,
      cr.id,
      amendment(s, {
        displaced: [
          { itemId: s.itemIds[3], action: 'out' },
          { itemId: s.itemIds[0], action: 'later', toPeriodId: String(s.periods[2].id) },
        ],
        confirmOverCapacity: 'on',
      }),
    );
    expect(after.overCapacity).toEqual([{ periodId: s.periods[2].id, name: 'Sprint 3', weeks: 6, capacityWeeks: 4 }]);
  });
});

describe('previewAmendment and getAmendmentForm', () => {
  it('shows the amended effect with the request’s own item, writing nothing', async () => {
    const before = await snapshotRows();
    const p = await previewAmendment(raiser, cr.id, amendment(s));
    expect(p.errors).toEqual({});
    expect(p.effect!.order.map((r) => r.id)).toEqual([
      s.itemIds[0],
      s.itemIds[1],
      cr.incomingItemId,
      s.itemIds[2],
      s.itemIds[4],
      s.itemIds[5],
    ]);
    expect(p.effect!.removed).toEqual([s.itemIds[3]]);
    expect(await snapshotRows()).toEqual(before);
    await expect(previewAmendment(s.leaders[1], cr.id, amendment(s))).rejects.toThrow(ForbiddenError);
  });

  it('starts the form from the request as it stands, and says why when it cannot be amended', async () => {
    const form = await getAmendmentForm(raiser, cr.id);
    expect(form.refusal).toBeNull();
    expect(form.initial).toEqual({
      incomingPosition: '1',
      incomingPeriodId: String(s.periods[0].id),
      whyNow: cr.whyNow,
      urgency: 'critical',
    });
    expect(form.incoming).toEqual({ id: cr.incomingItemId, title: cr.title });
    await expect(getAmendmentForm(s.leaders[1], cr.id)).rejects.toThrow(ForbiddenError);

    await amendChangeRequest(raiser, cr.id, amendment(s));
    const again = await getAmendmentForm(raiser, cr.id);
    expect(again).toMatchObject({ refusal: AMEND_NEEDS_DISSENT, options: null });
    expect((await getChangeRequest(raiser, cr.id)).viewer.mayAmend).toBe(false);
  });
});
