import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeCycle } from '@/db/factories';
import { schedulePeriods } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, eventsOf, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { generatePeriods, planPeriods, splitCapacity, updatePeriod } from './periods.server';
import { setEntry } from '@/lib/schedule/entries.server';
import { entry, scheduleRowCounts, scheduleSetup } from './test-helpers';

const Q1 = { startsOn: '2027-01-01', endsOn: '2027-03-31', capacityWeeks: 60 };

describe('planPeriods', () => {
  it('gives the months of the cycle with the capacity split by working days', () => {
    // Working days: January 21, February 20, March 23 (64 in all).
    expect(planPeriods(Q1, 'months')).toEqual([
      { name: 'January 2027', startsOn: '2027-01-01', endsOn: '2027-01-31', capacityWeeks: 19.7, position: 0 },
      { name: 'February 2027', startsOn: '2027-02-01', endsOn: '2027-02-28', capacityWeeks: 18.7, position: 1 },
      { name: 'March 2027', startsOn: '2027-03-01', endsOn: '2027-03-31', capacityWeeks: 21.6, position: 2 },
    ]);
  });

  it('clips the first and last months to a cycle that starts or ends mid-month', () => {
    const periods = planPeriods({ startsOn: '2027-01-15', endsOn: '2027-02-10', capacityWeeks: 10 }, 'months');
    expect(periods.map((p) => [p.name, p.startsOn, p.endsOn])).toEqual([
      ['January 2027', '2027-01-15', '2027-01-31'],
      ['February 2027', '2027-02-01', '2027-02-10'],
    ]);
    // 11 and 8 working days.
    expect(periods.map((p) => p.capacityWeeks)).toEqual([5.8, 4.2]);
  });

  it('gives 2-week sprints from the first day, the last one ending with the cycle', () => {
    const sprints = planPeriods(Q1, 'sprints');
    expect(sprints).toHaveLength(7);
    expect(sprints[0]).toMatchObject({ name: 'Sprint 1', startsOn: '2027-01-01', endsOn: '2027-01-14', position: 0 });
    expect(sprints[1]).toMatchObject({ name: 'Sprint 2', startsOn: '2027-01-15', endsOn: '2027-01-28' });
    expect(sprints[6]).toMatchObject({ name: 'Sprint 7', startsOn: '2027-03-26', endsOn: '2027-03-31' });
    // Every full sprint has 10 working days, the last 4: 64 in all.
    expect(sprints.map((s) => s.capacityWeeks)).toEqual([9.4, 9.4, 9.4, 9.4, 9.4, 9.3, 3.7]);
    expect(sprints.reduce((sum, s) => sum + s.capacityWeeks, 0)).toBeCloseTo(60, 9);
  });

  it('gives a month cycle one period, and a weekend-only cycle its calendar days', () => {
    expect(planPeriods({ startsOn: '2027-02-01', endsOn: '2027-02-28', capacityWeeks: 12 }, 'months')).toEqual([
      { name: 'February 2027', startsOn: '2027-02-01', endsOn: '2027-02-28', capacityWeeks: 12, position: 0 },
    ]);
    expect(
      planPeriods({ startsOn: '2027-01-02', endsOn: '2027-01-03', capacityWeeks: 1 }, 'sprints').map(
        (p) => p.capacityWeeks,
      ),
    ).toEqual([1]);
  });
});

describe('splitCapacity', () => {
  it('splits into tenths that add up to the total', () => {
    expect(splitCapacity(10, [1, 1, 1])).toEqual([3.4, 3.3, 3.3]);
    expect(splitCapacity(0, [5, 5])).toEqual([0, 0]);
    expect(splitCapacity(7, [0, 0])).toEqual([3.5, 3.5]);
    expect(splitCapacity(5, [])).toEqual([]);
  });
});

describe('generatePeriods', () => {
  it('stores the periods, logs the event on the cycle, and replaces unused periods when run again', async () => {
    const pm = await userWithRole('pm');
    const cycle = await makeCycle(db, Q1);
    const months = await generatePeriods(pm, cycle.id, 'months');
    expect(months.map((p) => p.name)).toEqual(['January 2027', 'February 2027', 'March 2027']);
    const sprints = await generatePeriods(pm, cycle.id, 'sprints');
    expect(sprints).toHaveLength(7);
    expect(
      (await db.select().from(schedulePeriods).where(eq(schedulePeriods.cycleId, cycle.id))).map((p) => p.name),
    ).toEqual(sprints.map((p) => p.name));
    const events = (await eventsOf('cycle', cycle.id)).filter((e) => e.type === 'schedule.periods_generated');
    expect(events.map((e) => [e.actorId, e.data.kind, e.data.replaced])).toEqual([
      [pm.id, 'months', 0],
      [pm.id, 'sprints', 3],
    ]);
  });

  it('is for the pm and admin only, and refuses an unknown kind or cycle', async () => {
    const cycle = await makeCycle(db, Q1);
    for (const role of ['engineer', 'leader', 'requestor'] as const) {
      const user = await userWithRole(role);
      await expect(generatePeriods(user, cycle.id, 'months')).rejects.toThrow(ForbiddenError);
    }
    expect(await generatePeriods(await userWithRole('admin'), cycle.id, 'months')).toHaveLength(3);
    const pm = await userWithRole('pm');
    expect((await validationErrorOf(() => generatePeriods(pm, cycle.id, 'weeks'))).fieldErrors.kind).toEqual([
      'Choose months or 2-week sprints.',
    ]);
    await expect(generatePeriods(pm, 999_999, 'months')).rejects.toThrow(NotFoundError);
  });

  it('refuses to regenerate while an item is scheduled in a period, and writes nothing', async () => {
    const s = await scheduleSetup();
    await setEntry(s.pm, s.alpha.id, entry(s.february.id, null, null));
    const before = await scheduleRowCounts();
    await expect(generatePeriods(s.pm, s.cycle.id, 'sprints')).rejects.toThrow(
      new ConflictError(
        "The periods cannot be regenerated: 1 item is placed in them. Edit a period's name and capacity instead.",
      ),
    );
    expect(await scheduleRowCounts()).toEqual(before);
  });
});

describe('updatePeriod', () => {
  it('renames a period and changes its capacity, with an event listing the changes', async () => {
    const s = await scheduleSetup();
    const after = await updatePeriod(s.pm, s.january.id, { name: '  Jan (audit month) ', capacityWeeks: '12.5' });
    expect(after).toMatchObject({ id: s.january.id, name: 'Jan (audit month)', capacityWeeks: 12.5 });
    const event = (await eventsOf('cycle', s.cycle.id)).find((e) => e.type === 'schedule.period_updated')!;
    expect(event.data).toEqual({
      periodId: s.january.id,
      changes: { name: { from: 'January 2027', to: 'Jan (audit month)' }, capacityWeeks: { from: 19.7, to: 12.5 } },
    });
  });

  it('names the field at fault: empty or duplicate name, missing or negative capacity', async () => {
    const s = await scheduleSetup();
    expect(
      (await validationErrorOf(() => updatePeriod(s.pm, s.january.id, { name: ' ', capacityWeeks: '' }))).fieldErrors,
    ).toEqual({
      name: ['Enter a name for the period.'],
      capacityWeeks: ['Enter the capacity in person-weeks.'],
    });
    expect(
      (await validationErrorOf(() => updatePeriod(s.pm, s.january.id, { name: 'x', capacityWeeks: '-1' }))).fieldErrors,
    ).toEqual({ capacityWeeks: ['Capacity cannot be negative.'] });
    expect(
      (await validationErrorOf(() => updatePeriod(s.pm, s.january.id, { name: 'february 2027', capacityWeeks: '5' })))
        .fieldErrors,
    ).toEqual({ name: ['Another period of this cycle is called “february 2027”.'] });
  });

  it('is for the pm and admin only; an unknown period is not found', async () => {
    const s = await scheduleSetup();
    await expect(updatePeriod(s.engineer, s.january.id, { name: 'x', capacityWeeks: '1' })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(updatePeriod(s.pm, 999_999, { name: 'x', capacityWeeks: '1' })).rejects.toThrow(NotFoundError);
  });
});
