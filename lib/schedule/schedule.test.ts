import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeCycle, makeItem, makeUser } from '@/db/factories';
import { items, scheduleEntries, scheduleFlags, users } from '@/db/schema';
import { statementCount, transaction } from '@/db/client';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { db, eventsOf, readItem, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { ScheduleNotPublishedError } from './access.server';
import { generatePeriods, updatePeriod } from './periods.server';
import { publishSchedule } from './publish.server';
import { getSchedule, scheduleHeading } from './schedule.server';
import { moveDelivery, setEntry } from '@/lib/schedule/entries.server';
import { markDelivered } from '@/lib/delivery/records.server';
import { DELIVERY_NEEDS_RECORD } from '@/lib/backlog/status-machine';
import { deliveredToday, entry, scheduleRowCounts, scheduleSetup } from './test-helpers';

describe('getSchedule', () => {
  it('shows an empty cycle as empty: no periods, no items, nothing to publish', async () => {
    const pm = await userWithRole('pm');
    const cycle = await makeCycle(db);
    const view = await getSchedule(pm, cycle.id);
    expect(view).toMatchObject({
      periods: [],
      items: [],
      flags: [],
      unassigned: { load: 0, items: 0 },
      lastPublication: null,
      unpublishedChanges: [],
    });
    expect(view.viewer).toEqual({ id: pm.id, canEdit: true, canPublish: true, canSeeChanges: true });
  });

  it('lists the items in rank order with their entries, the load per period against its capacity, and the owners', async () => {
    const s = await scheduleSetup();
    const inactive = await makeUser(db, { role: 'engineer', active: false });
    const leader = s.leader;
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, s.engineer.id, '2027-01-04'));
    await setEntry(s.pm, s.beta.id, entry(s.january.id, null, null));
    await updatePeriod(s.pm, s.january.id, { name: 'January 2027', capacityWeeks: '8' });
    await db.insert(scheduleFlags).values([
      { itemId: s.alpha.id, authorId: leader.id, kind: 'flag', body: 'Audit', createdAt: '2027-01-02T00:00:00Z' },
      {
        itemId: s.alpha.id,
        authorId: leader.id,
        kind: 'question',
        body: 'Done?',
        createdAt: '2027-01-02T00:00:00Z',
        resolvedAt: '2027-01-03T00:00:00Z',
        resolvedBy: s.pm.id,
        resolutionNote: 'Yes',
      },
    ]);

    const view = await getSchedule(leader, s.cycle.id);
    expect(
      view.items.map((i) => [
        i.title,
        i.status,
        i.weeks,
        i.periodId,
        i.owner,
        i.kickoffOn,
        i.entryVersion,
        i.openFlags,
      ]),
    ).toEqual([
      ['Alpha', 'scheduled', 3, s.january.id, s.engineer.name, '2027-01-04', 1, 1],
      ['Beta', 'scheduled', 6, s.january.id, null, null, 1, 0],
      ['Gamma', 'accepted', null, null, null, null, 0, 0],
    ]);
    expect(view.items[0]).toMatchObject({
      theme: 'Growth',
      requestor: s.requestor.name,
      sponsor: s.sponsor.name,
      ownerId: s.engineer.id,
    });
    expect(view.periods.map((p) => [p.name, p.capacityWeeks, p.load, p.items, p.over])).toEqual([
      ['January 2027', 8, 9, 2, true],
      ['February 2027', 18.7, 0, 0, false],
      ['March 2027', 21.6, 0, 0, false],
    ]);
    expect(view.unassigned).toEqual({ load: 0, items: 1 });
    expect(view.owners.map((o) => o.id)).toContain(s.engineer.id);
    expect(view.owners.map((o) => o.id)).toContain(s.pm.id);
    expect(view.owners.map((o) => o.id)).not.toContain(inactive.id);
    expect(view.owners.map((o) => o.id)).not.toContain(leader.id);
    expect(view.flags.map((f) => [f.body, f.author, f.resolvedBy, f.resolutionNote, f.canResolve])).toEqual([
      ['Audit', leader.name, null, null, false],
      ['Done?', leader.name, s.pm.name, 'Yes', false],
    ]);
    expect((await getSchedule(s.engineer, s.cycle.id)).flags[0].canResolve).toBe(true);
    expect(view.viewer).toEqual({ id: leader.id, canEdit: false, canPublish: false, canSeeChanges: true });
    // The diff is for those who publish: the pm sees what would be announced, the leader does not need it.
    expect(view.unpublishedChanges).toEqual([]);
    expect((await getSchedule(s.pm, s.cycle.id)).unpublishedChanges).toEqual([
      'First publication: 2 items in 1 period',
    ]);
  });

  it('leaves out items not accepted, and ranks unranked items last', async () => {
    const s = await scheduleSetup();
    const base = { cycleId: s.cycle.id, requestorId: s.requestor.id, departmentId: s.requestor.departmentId };
    await makeItem(db, { ...base, title: 'Curated', status: 'curated' });
    await makeItem(db, { ...base, title: 'Deferred', status: 'deferred', rank: 'a' });
    await makeItem(db, { ...base, title: 'Unranked', status: 'accepted' });
    expect((await getSchedule(s.pm, s.cycle.id)).items.map((i) => i.title)).toEqual([
      'Alpha',
      'Beta',
      'Gamma',
      'Unranked',
    ]);
  });

  it('reads 2,000 items in the same few queries as 3', async () => {
    const s = await scheduleSetup();
    await getSchedule(s.pm, s.cycle.id); // prepares the statements kept for the process
    const statements = async () => {
      const before = statementCount();
      await getSchedule(s.pm, s.cycle.id);
      return statementCount() - before;
    };
    const few = await statements();
    await transaction(async (tx) => {
      const bulk = await tx
        .insert(items)
        .values(
          Array.from({ length: 2000 }, (_, i) => ({
            cycleId: s.cycle.id,
            title: `Bulk ${i}`,
            status: 'scheduled' as const,
            rank: `b${String(i).padStart(4, '0')}`,
            estimateWeeks: 1,
            requestorId: s.requestor.id,
            departmentId: s.requestor.departmentId,
            createdAt: '',
            updatedAt: '',
          })),
        )
        .returning({ id: items.id });
      await tx
        .insert(scheduleEntries)
        .values(bulk.map(({ id }) => ({ itemId: id, periodId: s.february.id, ownerId: s.engineer.id })));
    });
    expect(await statements()).toBe(few);
    expect(few).toBeGreaterThan(3);
    expect(few).toBeLessThanOrEqual(8);
    const view = await getSchedule(s.pm, s.cycle.id);
    expect(view.items).toHaveLength(2003);
    expect(view.periods[1]).toMatchObject({ load: 2000, items: 2000, over: true });
  });

  it('is for the backlog roles until first published, then for everyone signed in', async () => {
    const s = await scheduleSetup();
    for (const user of [s.pm, s.engineer, s.leader, await userWithRole('admin')])
      expect((await getSchedule(user, s.cycle.id)).items).toHaveLength(3);
    await expect(getSchedule(s.requestor, s.cycle.id)).rejects.toThrow(ScheduleNotPublishedError);
    await expect(getSchedule(s.requestor, s.cycle.id)).rejects.toThrow(ForbiddenError);
    // The page's heading follows the same rule as the board's data.
    await expect(scheduleHeading(s.requestor, s.cycle.id)).rejects.toThrow(ScheduleNotPublishedError);
    expect(await scheduleHeading(s.leader, s.cycle.id)).toMatchObject({
      cycle: { id: s.cycle.id },
      lastPublication: null,
    });
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, null, null));
    await publishSchedule(s.pm, s.cycle.id);
    expect((await getSchedule(s.requestor, s.cycle.id)).items).toHaveLength(3);
    expect((await scheduleHeading(s.requestor, s.cycle.id)).lastPublication).toMatchObject({ by: expect.any(String) });
    expect((await getSchedule(s.other, s.cycle.id)).viewer).toEqual({
      id: s.other.id,
      canEdit: false,
      canPublish: false,
      canSeeChanges: false,
    });
    await expect(getSchedule(s.pm, 999_999)).rejects.toThrow(NotFoundError);
    await expect(scheduleHeading(s.pm, 999_999)).rejects.toThrow(NotFoundError);
  });
});

describe('setEntry', () => {
  it('schedules an accepted item that gets a period, logging the status change and the entry before/after', async () => {
    const s = await scheduleSetup();
    const result = await setEntry(s.engineer, s.alpha.id, entry(s.february.id, s.engineer.id, '2027-02-01'));
    expect(result.status).toBe('scheduled');
    expect(result.entry).toEqual({
      itemId: s.alpha.id,
      periodId: s.february.id,
      ownerId: s.engineer.id,
      kickoffOn: '2027-02-01',
      version: 1,
    });
    expect(await readItem(s.alpha.id)).toMatchObject({ status: 'scheduled', version: s.alpha.version + 1 });
    const events = (await eventsOf('item', s.alpha.id)).slice(1);
    expect(events.map((e) => e.type)).toEqual(['item.status_changed', 'item.schedule_changed']);
    expect(events[0].data).toEqual({ changes: { status: { from: 'accepted', to: 'scheduled' } } });
    expect(events[1]).toMatchObject({
      actorId: s.engineer.id,
      data: {
        before: { periodId: null, period: null, ownerId: null, kickoffOn: null },
        after: { periodId: s.february.id, period: 'February 2027', ownerId: s.engineer.id, kickoffOn: '2027-02-01' },
      },
    });

    const moved = await setEntry(s.pm, s.alpha.id, entry(s.march.id, s.engineer.id, '2027-03-01', 1));
    expect(moved.entry.version).toBe(2);
    expect((await eventsOf('item', s.alpha.id)).at(-1)!.data).toMatchObject({
      before: { period: 'February 2027' },
      after: { period: 'March 2027' },
    });
  });

  it('lets an accepted item get an owner and kickoff before its period, and stay accepted', async () => {
    const s = await scheduleSetup();
    expect((await setEntry(s.pm, s.gamma.id, entry(null, s.pm.id, '2027-03-31'))).status).toBe('accepted');
    expect((await readItem(s.gamma.id)).status).toBe('accepted');
  });

  it('names every field at fault at once and writes nothing', async () => {
    const s = await scheduleSetup();
    const elsewhere = await makeCycle(db);
    const [otherPeriod] = await generatePeriods(s.pm, elsewhere.id, 'months');
    const gone = await makeUser(db, { role: 'engineer', active: false });
    const before = await scheduleRowCounts();
    const error = await validationErrorOf(() =>
      setEntry(s.pm, s.alpha.id, entry(otherPeriod.id, gone.id, '2027-04-01')),
    );
    expect(error.fieldErrors).toEqual({
      periodId: ['Choose a period of this cycle.'],
      ownerId: ['Choose an active engineer or product manager as the owner.'],
      kickoffOn: ['The kickoff must be inside the cycle, from 1 Jan 2027 to 31 Mar 2027.'],
    });
    expect(
      (await validationErrorOf(() => setEntry(s.pm, s.alpha.id, entry(999_999, s.leader.id, '2026-12-31'))))
        .fieldErrors,
    ).toMatchObject({
      periodId: ['Choose a period of this cycle.'],
      ownerId: ['Choose an active engineer or product manager as the owner.'],
    });
    expect(
      (
        await validationErrorOf(() =>
          setEntry(s.pm, s.alpha.id, { ...entry(null, null, null), kickoffOn: '2027-02-30', periodId: 'x' }),
        )
      ).fieldErrors,
    ).toEqual({
      periodId: ['Choose a valid option.'],
      kickoffOn: ['Enter the kickoff as a date (YYYY-MM-DD).'],
    });
    expect(await scheduleRowCounts()).toEqual(before);
  });

  it('keeps a scheduled item on a period, and refuses items that are not accepted or already delivered', async () => {
    const s = await scheduleSetup();
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, null, null));
    expect((await validationErrorOf(() => setEntry(s.pm, s.alpha.id, entry(null, null, null, 1)))).fieldErrors).toEqual(
      {
        periodId: ['A scheduled item needs a period. To take it off the schedule, defer it.'],
      },
    );
    await moveDelivery(s.pm, s.alpha.id, 'in_delivery');
    await markDelivered(s.pm, s.alpha.id, deliveredToday());
    await expect(setEntry(s.pm, s.alpha.id, entry(s.march.id, null, null, 1))).rejects.toThrow(
      new ConflictError('“Alpha” is delivered: its schedule can no longer change.'),
    );
    await db.update(items).set({ status: 'deferred' }).where(eq(items.id, s.beta.id));
    await expect(setEntry(s.pm, s.beta.id, entry(s.march.id, null, null))).rejects.toThrow(
      new ConflictError('Only accepted items can be scheduled; “Beta” is deferred.'),
    );
  });

  it('refuses a stale version: someone changed the entry meanwhile', async () => {
    const s = await scheduleSetup();
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, null, null));
    const before = await scheduleRowCounts();
    await expect(setEntry(s.engineer, s.alpha.id, entry(s.march.id, null, null, 0))).rejects.toThrow(ConflictError);
    await expect(setEntry(s.engineer, s.alpha.id, entry(s.march.id, null, null, 0))).rejects.toThrow(
      /changed by someone else meanwhile/,
    );
    expect(await scheduleRowCounts()).toEqual(before);
  });

  it('writes nothing when nothing changes, and keeps an owner who has since left when only the kickoff moves', async () => {
    const s = await scheduleSetup();
    const leaving = await userWithRole('engineer');
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, leaving.id, '2027-01-04'));
    const before = await scheduleRowCounts();
    expect((await setEntry(s.pm, s.alpha.id, entry(s.january.id, leaving.id, '2027-01-04', 1))).entry.version).toBe(1);
    expect(await scheduleRowCounts()).toEqual(before);
    await db.update(users).set({ active: false }).where(eq(users.id, leaving.id));
    expect((await setEntry(s.pm, s.alpha.id, entry(s.january.id, leaving.id, '2027-01-11', 1))).entry).toMatchObject({
      ownerId: leaving.id,
      kickoffOn: '2027-01-11',
    });
  });

  it('is refused to requestors and leaders, and to unknown or untriaged items', async () => {
    const s = await scheduleSetup();
    for (const user of [s.requestor, s.leader, s.sponsor])
      await expect(setEntry(user, s.alpha.id, entry(s.january.id, null, null))).rejects.toThrow(ForbiddenError);
    expect((await setEntry(await userWithRole('admin'), s.alpha.id, entry(s.january.id, null, null))).status).toBe(
      'scheduled',
    );
    await expect(setEntry(s.pm, 999_999, entry(s.january.id, null, null))).rejects.toThrow(NotFoundError);
    const request = await makeItem(db, {
      requestorId: s.requestor.id,
      departmentId: s.requestor.departmentId,
      status: 'submitted',
    });
    await expect(setEntry(s.pm, request.id, entry(s.january.id, null, null))).rejects.toThrow(NotFoundError);
  });
});

describe('moveDelivery', () => {
  it('moves a scheduled item into delivery, back, and on to delivered (with its record), each an item.status_changed event', async () => {
    const s = await scheduleSetup();
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, null, null));
    expect(await moveDelivery(s.engineer, s.alpha.id, 'in_delivery')).toEqual({ status: 'in_delivery' });
    expect(await moveDelivery(s.engineer, s.alpha.id, 'scheduled')).toEqual({ status: 'scheduled' });
    await moveDelivery(s.engineer, s.alpha.id, 'in_delivery');
    expect((await validationErrorOf(() => moveDelivery(s.pm, s.alpha.id, 'delivered'))).message).toBe(
      DELIVERY_NEEDS_RECORD,
    );
    expect((await markDelivered(s.pm, s.alpha.id, deliveredToday())).status).toBe('delivered');
    const moves = (await eventsOf('item', s.alpha.id))
      .filter((e) => e.type === 'item.status_changed')
      .map((e) => (e.data.changes as { status: { to: string } }).status.to);
    expect(moves).toEqual(['scheduled', 'in_delivery', 'scheduled', 'in_delivery', 'delivered']);
  });

  it('refuses what the status machine refuses, an item without a period, and an unknown target', async () => {
    const s = await scheduleSetup();
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, null, null));
    const error = await validationErrorOf(() => moveDelivery(s.pm, s.alpha.id, 'delivered'));
    expect(error.message).toBe('A scheduled item cannot become delivered; it can become in delivery, deferred.');
    await expect(moveDelivery(s.pm, s.gamma.id, 'in_delivery')).rejects.toThrow(
      new ConflictError('“Gamma” has no period yet: choose its period to schedule it.'),
    );
    await expect(moveDelivery(s.pm, s.alpha.id, 'deferred')).rejects.toThrow(ValidationError);
    await moveDelivery(s.pm, s.alpha.id, 'in_delivery');
    await markDelivered(s.pm, s.alpha.id, deliveredToday());
    expect((await validationErrorOf(() => moveDelivery(s.pm, s.alpha.id, 'scheduled'))).message).toBe(
      'A delivered item cannot change status.',
    );
  });

  it('is refused to requestors and leaders', async () => {
    const s = await scheduleSetup();
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, null, null));
    for (const user of [s.requestor, s.leader])
      await expect(moveDelivery(user, s.alpha.id, 'in_delivery')).rejects.toThrow(ForbiddenError);
  });
});
