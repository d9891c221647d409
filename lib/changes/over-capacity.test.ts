import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { events } from '@/db/schema';
import { db, validationErrorOf } from '@/lib/testing/db';
import { getChangeRequest } from './details.server';
import { raiseChangeRequest } from './requests.server';
import { changeInput, seedScheduledCycle, snapshotRows, type ScheduledCycle } from './test-helpers';
import { first } from '@/db/rows';

// Six items of 1, 2, 3, 1, 2, 3 weeks, two per sprint of 4 weeks: Sprint 1 holds 3, Sprint 2 4, Sprint 3 5 (already over).
let s: ScheduledCycle;
beforeEach(async () => {
  s = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 3 });
});

const raisedEvent = async (id: number) =>
  first(
    await db
      .select()
      .from(events)
      .where(and(eq(events.subjectType, 'change_request'), eq(events.subjectId, id), eq(events.type, 'cr.raised'))),
  )!;

describe('raising a change request over capacity', () => {
  it('is refused without the explicit confirmation, naming the field and the excess, and writes nothing', async () => {
    const before = await snapshotRows();
    const error = await validationErrorOf(() =>
      raiseChangeRequest(s.leaders[0], s.cycle.id, changeInput(s, { confirmOverCapacity: '' })),
    );
    expect(error.fieldErrors).toEqual({
      confirmOverCapacity: [
        'This change goes over capacity: Sprint 1 by 1 person-week (5 of 4). Tick "I confirm going over capacity" to go ahead anyway.',
      ],
    });
    expect(await snapshotRows()).toEqual(before);
  });

  it('records the confirmed excess with the request, on its page and in the event log', async () => {
    const { changeRequest: cr } = await raiseChangeRequest(s.leaders[0], s.cycle.id, changeInput(s));
    const confirmed = [{ periodId: s.periods[0].id, name: 'Sprint 1', weeks: 5, capacityWeeks: 4 }];
    expect(cr.overCapacity).toEqual(confirmed);
    expect((await getChangeRequest(s.pm, cr.id)).changeRequest.overCapacity).toEqual(confirmed);
    expect((await raisedEvent(cr.id)).data.overCapacity).toEqual(confirmed);
  });

  it('needs no confirmation within capacity, nor for a period already over that the change does not load', async () => {
    const fits = await raiseChangeRequest(
      s.leaders[0],
      s.cycle.id,
      changeInput(s, { estimate: '1', confirmOverCapacity: '' }),
    );
    expect(fits.changeRequest.overCapacity).toBeNull();
    expect((await raisedEvent(fits.changeRequest.id)).data.overCapacity).toBeNull();
    // Sprint 3 is over already; an item with no period yet adds nothing to it.
    const noPeriod = await raiseChangeRequest(
      s.leaders[1],
      s.cycle.id,
      changeInput(s, { title: 'No period yet', incomingPeriodId: '', confirmOverCapacity: '' }),
    );
    expect(noPeriod.changeRequest.overCapacity).toBeNull();
  });

  it('counts what moves later into a full period', async () => {
    const error = await validationErrorOf(() =>
      raiseChangeRequest(
        s.leaders[0],
        s.cycle.id,
        changeInput(s, {
          estimate: '1',
          confirmOverCapacity: '',
          displaced: [{ itemId: s.itemIds[0], action: 'later', toPeriodId: String(s.periods[2].id) }],
        }),
      ),
    );
    expect(error.fieldErrors.confirmOverCapacity).toEqual([
      expect.stringContaining('Sprint 3 by 2 person-weeks (6 of 4)'),
    ]);
  });
});
