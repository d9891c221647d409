import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeCycle, makeItem } from '@/db/factories';
import { changeRequests, events, items } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { changeRequestChannel, publisher } from '@/lib/realtime/publisher.server';
import { db, readItem, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { previewChangeRequest, raiseChangeRequest } from './requests.server';
import { getChangeRequest } from '@/lib/changes/details.server';
import { listChangeRequests } from '@/lib/changes/list.server';
import { withdrawChangeRequest } from '@/lib/changes/withdraw.server';
import { conveneSession } from './sessions.server';
import { changeInput, seedScheduledCycle, snapshotRows, type ScheduledCycle } from './test-helpers';
import { first } from '@/db/rows';
import { inOrder } from '@/lib/testing/in-order';

const crEvents = async (id: number) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, 'change_request'), eq(events.subjectId, id)));

let s: ScheduledCycle;
beforeEach(async () => {
  // Six scheduled items of 1, 2, 3, 1, 2, 3 weeks, two per sprint; the cycle's 12 weeks fit them all.
  s = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 3 });
});
afterEach(() => vi.restoreAllMocks());

describe('previewChangeRequest', () => {
  it('shows the effect and the conflicts without writing anything', async () => {
    const before = await snapshotRows();
    const out = s.itemIds[5];
    const p = await previewChangeRequest(
      s.leaders[0],
      s.cycle.id,
      changeInput(s, { displaced: [{ itemId: out, action: 'out' }] }),
    );
    expect(p.errors).toEqual({});
    expect(p.conflicts).toEqual([]);
    expect(p.effect!.order.map((r) => r.id)).toEqual([s.itemIds[0], null, ...s.itemIds.slice(1, 5)]);
    expect(p.effect!.removed).toEqual([out]);
    expect(p.effect!.loadByPeriod[0]).toMatchObject({ before: 3, after: 5 });
    expect(await snapshotRows()).toEqual(before);
  });

  it('returns field errors for bad input instead of throwing, and still shows what it can', async () => {
    const p = await previewChangeRequest(s.pm, s.cycle.id, changeInput(s, { whyNow: '', title: '', estimate: 'huge' }));
    expect(Object.keys(p.errors).sort()).toEqual(['estimate', 'title', 'whyNow']);
    expect(p.effect!.order).toHaveLength(7);
    expect((await previewChangeRequest(s.pm, s.cycle.id, { incomingPosition: 'x' })).effect).toBeNull();
  });

  it('is refused to a requestor', async () => {
    await expect(previewChangeRequest(s.requestor, s.cycle.id, changeInput(s))).rejects.toThrow(ForbiddenError);
  });
});

describe('raiseChangeRequest', () => {
  it('creates the new item as curated in the cycle and the request as open, logs and publishes after commit', async () => {
    const publish = vi.spyOn(publisher, 'publish');
    const { changeRequest: cr, conflicts } = await raiseChangeRequest(
      s.leaders[0],
      s.cycle.id,
      changeInput(s, {
        displaced: [
          { itemId: s.itemIds[5], action: 'out' },
          { itemId: s.itemIds[2], action: 'later', toPeriodId: String(s.periods[2].id) },
        ],
      }),
    );
    expect(conflicts).toEqual([]);
    expect(cr).toMatchObject({
      cycleId: s.cycle.id,
      raisedBy: s.leaders[0].id,
      title: 'Fix the card payment outage',
      urgency: 'critical',
      status: 'open',
      incomingPosition: 1,
      incomingPeriodId: s.periods[0].id,
      displaced: [
        { itemId: s.itemIds[5], action: 'out' },
        { itemId: s.itemIds[2], action: 'later', toPeriodId: s.periods[2].id },
      ],
    });
    const item = await readItem(cr.incomingItemId);
    expect(item).toMatchObject({
      cycleId: s.cycle.id,
      status: 'curated',
      requestorId: s.leaders[0].id,
      departmentId: s.leaders[0].departmentId,
      estimateWeeks: 2,
      kind: 'fix',
    });
    const created = await db
      .select()
      .from(events)
      .where(and(eq(events.subjectType, 'item'), eq(events.subjectId, item.id)));
    expect(created.map((e) => [e.type, e.data.changeRequestId])).toEqual([['item.created', cr.id]]);
    const log = await crEvents(cr.id);
    expect(log.map((e) => e.type)).toEqual(['cr.raised']);
    expect(publish).toHaveBeenCalledWith(changeRequestChannel(cr.id), log[0].id);
    // Nothing in the schedule moved yet.
    expect(await inOrder(s.itemIds, async (id) => (await readItem(id)).status)).toEqual(Array(6).fill('scheduled'));
  });

  it('brings in a deferred item of another cycle without moving it until approval', async () => {
    const other = await makeCycle(db);
    const deferred = await makeItem(db, {
      cycleId: other.id,
      status: 'deferred',
      requestorId: s.requestor.id,
      departmentId: s.departmentId,
      estimateSize: 'S',
    });
    const itemCount = (await db.select().from(items)).length;
    const { changeRequest: cr } = await raiseChangeRequest(
      s.pm,
      s.cycle.id,
      changeInput(s, { incomingItemId: String(deferred.id), title: '' }),
    );
    expect(cr).toMatchObject({ incomingItemId: deferred.id, title: deferred.title });
    expect(await readItem(deferred.id)).toMatchObject({
      cycleId: other.id,
      status: 'deferred',
      version: deferred.version,
    });
    expect(await db.select().from(items)).toHaveLength(itemCount); // no item created
  });

  it.each([
    ['no reason, urgency or title', { whyNow: ' ', urgency: 'whenever', title: '' }, ['title', 'urgency', 'whyNow']],
    ['a delivered item moved out', 'delivered', ['displaced']],
    ['a position past the end', { incomingPosition: '9' }, ['incomingPosition']],
    ['an incoming item that is not deferred', 'scheduled-incoming', ['incomingItemId']],
    ['a period of another cycle', { incomingPeriodId: '999' }, ['incomingPeriodId']],
  ] as const)('refuses %s, naming the field, and writes nothing', async (_name, over, fields) => {
    let input = changeInput(s, typeof over === 'object' ? over : {});
    if (over === 'delivered') {
      await db.update(items).set({ status: 'delivered' }).where(eq(items.id, s.itemIds[0]));
      input = changeInput(s, { displaced: [{ itemId: s.itemIds[0], action: 'out' }] });
    }
    if (over === 'scheduled-incoming') input = changeInput(s, { incomingItemId: String(s.itemIds[3]) });
    const before = await snapshotRows();
    const error = await validationErrorOf(() => raiseChangeRequest(s.pm, s.cycle.id, input));
    expect(Object.keys(error.fieldErrors).sort()).toEqual([...fields]);
    if (over === 'delivered') expect(error.fieldErrors.displaced[0]).toMatch(/^".*" is already delivered/);
    expect(await snapshotRows()).toEqual(before);
  });

  it('is refused (403) to a requestor and an engineer, writing nothing', async () => {
    const engineer = await userWithRole('engineer');
    const before = await snapshotRows();
    await expect(raiseChangeRequest(s.requestor, s.cycle.id, changeInput(s))).rejects.toThrow(ForbiddenError);
    await expect(raiseChangeRequest(engineer, s.cycle.id, changeInput(s))).rejects.toThrow(ForbiddenError);
    expect(await snapshotRows()).toEqual(before);
  });

  it('shows a second request displacing the same item the conflict, before and after submitting', async () => {
    const shared = s.itemIds[4];
    const first = (
      await raiseChangeRequest(
        s.leaders[0],
        s.cycle.id,
        changeInput(s, { displaced: [{ itemId: shared, action: 'out' }] }),
      )
    ).changeRequest;
    const second = changeInput(s, {
      title: 'Another urgent thing',
      displaced: [
        { itemId: shared, action: 'out' },
        { itemId: s.itemIds[5], action: 'out' },
      ],
    });
    const expected = [{ changeRequestId: first.id, title: first.title, status: 'open', itemIds: [shared] }];
    expect((await previewChangeRequest(s.leaders[1], s.cycle.id, second)).conflicts).toEqual(expected);
    const raised = await raiseChangeRequest(s.leaders[1], s.cycle.id, second);
    expect(raised.conflicts).toEqual(expected);
    expect((await getChangeRequest(s.pm, first.id)).conflicts).toEqual([
      { changeRequestId: raised.changeRequest.id, title: 'Another urgent thing', status: 'open', itemIds: [shared] },
    ]);
  });
});

describe('listChangeRequests and getChangeRequest', () => {
  it('lists requests with status and session to the backlog roles, and refuses requestors', async () => {
    const { changeRequest: cr } = await raiseChangeRequest(
      s.leaders[0],
      s.cycle.id,
      changeInput(s, { displaced: [{ itemId: s.itemIds[5], action: 'out' }] }),
    );
    const rows = await listChangeRequests(s.leaders[1], s.cycle.id);
    expect(rows).toEqual([
      expect.objectContaining({
        id: cr.id,
        cycleName: s.cycle.name,
        status: 'open',
        raisedByName: s.leaders[0].name,
        displacedCount: 1,
        session: null,
        ruleMet: null,
      }),
    ]);
    expect((await listChangeRequests(s.pm)).map((r) => r.id)).toContain(cr.id); // every cycle's
    expect(await listChangeRequests(s.pm, 9999)).toEqual([]);
    await expect(listChangeRequests(s.requestor)).rejects.toThrow(ForbiddenError);
    await expect(getChangeRequest(s.requestor, cr.id)).rejects.toThrow(ForbiddenError);
    await expect(getChangeRequest(s.pm, 9999)).rejects.toThrow(NotFoundError);
  });

  it('shows the request with its effect now, the rule, every response and what the viewer may do', async () => {
    const { changeRequest: cr } = await raiseChangeRequest(
      s.leaders[0],
      s.cycle.id,
      changeInput(s, { displaced: [{ itemId: s.itemIds[5], action: 'out' }] }),
    );
    const open = await getChangeRequest(s.leaders[0], cr.id);
    expect(open.preview!.removed).toEqual([s.itemIds[5]]);
    expect(open.session).toBeNull();
    expect(open.viewer).toMatchObject({
      mayRespond: false,
      mayConvene: false,
      mayWithdraw: true,
      mayApprove: false,
      mayDecline: false,
    });
    expect((await getChangeRequest(s.pm, cr.id)).viewer).toMatchObject({
      mayConvene: true,
      mayDecline: true,
      mayWithdraw: true,
    });

    await conveneSession(s.pm, cr.id, {
      mode: 'async',
      inviteeIds: s.leaders.map((l) => l.id),
      sponsorVeto: true,
    });
    const d = await getChangeRequest(s.leaders[1], cr.id);
    expect(d.session).toMatchObject({
      mode: 'async',
      quorum: 2,
      sponsorVeto: true,
      deadlinePassed: false,
      convenedBy: { id: s.pm.id, name: s.pm.name },
    });
    expect(d.session!.ruleText).toMatch(/^Approved if at least 2 of the 3 leaders invited respond/);
    expect(d.invitees.map((i) => [i.userId, i.response])).toHaveLength(3);
    // Item 6 is sponsored by the third leader (sponsors rotate).
    expect(d.invitees.filter((i) => i.sponsorsDisplaced).map((i) => i.userId)).toEqual([s.leaders[2].id]);
    expect(d.evaluation).toMatchObject({ responded: 0, met: false });
    expect(d.viewer).toMatchObject({ mayRespond: true, myResponse: null, mayWithdraw: false });
    expect(d.log.map((e) => e.type)).toEqual(['cr.raised', 'cr.session_convened']);
  });
});

describe('withdrawChangeRequest', () => {
  it('lets the raiser take back an open request; the item it created is deferred', async () => {
    const { changeRequest: cr } = await raiseChangeRequest(s.leaders[0], s.cycle.id, changeInput(s));
    await expect(withdrawChangeRequest(s.leaders[1], cr.id)).rejects.toThrow(ForbiddenError);
    const after = await withdrawChangeRequest(s.leaders[0], cr.id, { reason: 'Fixed by the bank' });
    expect(after).toMatchObject({ status: 'withdrawn', decisionNote: 'Fixed by the bank', decidedBy: s.leaders[0].id });
    expect(await readItem(cr.incomingItemId)).toMatchObject({
      status: 'deferred',
      decisionReason: `Change request "${cr.title}" was withdrawn. Fixed by the bank`,
    });
    await expect(withdrawChangeRequest(s.leaders[0], cr.id)).rejects.toThrow(ConflictError);
    expect((await crEvents(cr.id)).map((e) => e.type)).toEqual(['cr.raised', 'cr.withdrawn']);
  });

  it('is refused while a session decides it', async () => {
    const { changeRequest: cr } = await raiseChangeRequest(s.leaders[0], s.cycle.id, changeInput(s));
    await conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: [s.leaders[0].id] });
    await expect(withdrawChangeRequest(s.leaders[0], cr.id)).rejects.toThrow(/ask the pm to decline it/);
    expect(first(await db.select().from(changeRequests).where(eq(changeRequests.id, cr.id)))!.status).toBe(
      'in_session',
    );
  });
});
