import { describe, expect, it } from 'vitest';
import { approveChangeRequest } from '@/lib/changes/decide.server';
import { raiseChangeRequest } from '@/lib/changes/requests.server';
import { closeSession, conveneSession, respond } from '@/lib/changes/sessions.server';
import { changeInput, seedScheduledCycle, type ScheduledCycle } from '@/lib/changes/test-helpers';
import { db } from '@/lib/testing/db';
import { movedRows } from './moved';
import { publishSchedule } from './publish.server';
import { getSchedule } from './schedule.server';

describe('movedRows', () => {
  it('marks what a change brought in and what it moved later, not what it took out', () => {
    const cr = {
      id: 4,
      decidedAt: '2027-01-05T10:00:00.000Z',
      incomingItemId: 30,
      displaced: [
        { itemId: 10, action: 'out' as const },
        { itemId: 20, action: 'later' as const, toPeriodId: 3 },
      ],
    };
    expect(movedRows([cr])).toEqual([
      { itemId: 20, changeRequestId: 4, action: 'later', decidedAt: cr.decidedAt },
      { itemId: 30, changeRequestId: 4, action: 'in', decidedAt: cr.decidedAt },
    ]);
  });

  it('names the latest change that moved an item', () => {
    const first = { id: 4, decidedAt: '2027-01-05T10:00:00.000Z', incomingItemId: 30, displaced: [] };
    const second = {
      id: 5,
      decidedAt: '2027-01-06T10:00:00.000Z',
      incomingItemId: 31,
      displaced: [{ itemId: 30, action: 'later' as const, toPeriodId: 3 }],
    };
    expect(movedRows([second, first]).map((m) => [m.itemId, m.changeRequestId, m.action])).toEqual([
      [30, 5, 'later'],
      [31, 5, 'in'],
    ]);
  });
});

/** Raises, decides and approves a change in one go: item `later` moves to the last sprint. */
async function approveChange(s: ScheduledCycle, later: number, title: string) {
  const { changeRequest } = await raiseChangeRequest(
    s.leaders[0],
    s.cycle.id,
    changeInput(s, {
      title,
      displaced: [{ itemId: later, action: 'later', toPeriodId: String(s.periods[2].id) }],
    }),
  );
  const session = await conveneSession(s.pm, changeRequest.id, { mode: 'live', inviteeIds: [s.leaders[1].id] });
  await respond(s.leaders[1], session.id, { response: 'assent', comment: '' });
  await closeSession(s.pm, session.id);
  await approveChangeRequest(s.pm, changeRequest.id);
  return changeRequest;
}

describe('getSchedule: rows moved since the last publication', () => {
  it('marks the rows an approved change moved until the schedule is published again', async () => {
    const s = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 2 });
    await publishSchedule(s.pm, s.cycle.id, new Date(Date.now() - 60_000));
    expect((await getSchedule(s.pm, s.cycle.id)).moved).toEqual([]);

    const cr = await approveChange(s, s.itemIds[0], 'Urgent fix');
    const moved = (await getSchedule(s.requestor, s.cycle.id)).moved;
    expect(moved.map((m) => [m.itemId, m.changeRequestId, m.action])).toEqual(
      [
        [s.itemIds[0], cr.id, 'later'],
        [cr.incomingItemId, cr.id, 'in'],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect((await getSchedule(s.requestor, s.cycle.id)).viewer.canSeeChanges).toBe(false);
    expect((await getSchedule(s.leaders[0], s.cycle.id)).viewer.canSeeChanges).toBe(true);

    await publishSchedule(s.pm, s.cycle.id);
    expect((await getSchedule(s.pm, s.cycle.id)).moved).toEqual([]);
  });

  it('marks every approved change before the first publication', async () => {
    const s = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 2 });
    const cr = await approveChange(s, s.itemIds[1], 'Before any publication');
    expect((await getSchedule(s.pm, s.cycle.id)).moved.map((m) => m.changeRequestId)).toEqual([cr.id, cr.id]);
  });
});
